"""Custom actions, the contraindication rules engine and the condition detector."""
