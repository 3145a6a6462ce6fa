"""Create the screening_records table.

Revision ID: 0001
Revises:
Create Date: 2026-11-25
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Create the table and its indexes."""
    op.create_table(
        "screening_records",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("sender_hash", sa.String(64), nullable=False),
        sa.Column("channel", sa.String(32), nullable=False),
        sa.Column("verdict", sa.String(32), nullable=False),
        sa.Column("fired_rules", sa.String(512), nullable=False),
        sa.Column("rules_version", sa.String(32), nullable=False),
    )
    op.create_index("ix_screening_records_created_at", "screening_records", ["created_at"])
    op.create_index("ix_screening_records_sender_hash", "screening_records", ["sender_hash"])
    op.create_index("ix_screening_records_verdict", "screening_records", ["verdict"])


def downgrade() -> None:
    """Drop the table."""
    op.drop_table("screening_records")
