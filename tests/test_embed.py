"""Embedders: shapes, normalisation, caching, topical ordering; the text that is embedded."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from storyline.embed import LEAD_CHARS, article_text_for_embedding, get_embedder
from storyline.models import Article

FLOOD = [
    "Heavy rain flooded the lower town of Brisk overnight and firefighters evacuated two hundred homes.",
    "Rescue teams in Brisk pumped water from flooded streets after a night of heavy rain forced evacuations.",
]
CHESS = "The junior chess championship in Tallow ended in a draw after a six-hour final game."


def check_vectors(vecs: np.ndarray, n: int, dim: int) -> None:
    assert vecs.shape == (n, dim)
    assert vecs.dtype == np.float32
    assert np.allclose(np.linalg.norm(vecs, axis=1), 1.0, atol=1e-4)


@pytest.mark.parametrize("name", ["tfidf", "model2vec"])
def test_fast_embedders_are_normalised_cached_and_topical(name: str) -> None:
    emb = get_embedder(name)
    assert get_embedder(name) is emb
    assert emb.name == name
    vecs = emb.encode([*FLOOD, CHESS])
    check_vectors(vecs, 3, emb.dim)
    assert vecs[0] @ vecs[1] > vecs[0] @ vecs[2]
    # deterministic: the same text gives the same vector in another call
    assert np.allclose(emb.encode([FLOOD[0]])[0], vecs[0], atol=1e-6)
    assert emb.encode([]).shape == (0, emb.dim)


def test_tfidf_handles_empty_text_without_nan() -> None:
    vecs = get_embedder("tfidf").encode(["", "the and of"])
    assert not np.isnan(vecs).any()


def test_unknown_embedder_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown embedder"):
        get_embedder("word2vec")


@pytest.mark.model
def test_minilm_embeds_topically() -> None:
    emb = get_embedder("minilm")
    vecs = emb.encode([*FLOOD, CHESS])
    check_vectors(vecs, 3, 384)
    assert vecs[0] @ vecs[1] > vecs[0] @ vecs[2] + 0.2


def _article(text: str, title: str, inferred: bool) -> Article:
    return Article(id="a1", source="x", text=text, raw=text, title=title, title_inferred=inferred)


def test_embedding_text_is_title_and_lead() -> None:
    body = "\n".join(f"Paragraph {i} says something about the river crossing." for i in range(60))
    real = article_text_for_embedding(_article(body, "River crossing opens", False))
    assert real.startswith("River crossing opens\nParagraph 0")
    assert len(real) <= LEAD_CHARS + 40
    assert real.endswith("crossing.")  # cut at a paragraph boundary
    inferred = article_text_for_embedding(_article(body, "Paragraph 0 says", True))
    assert inferred.startswith("Paragraph 0")


@pytest.mark.model
def test_minilm_cut_before_tokenising_changes_nothing() -> None:
    """Cutting the text before the tokenizer keeps every word piece the model reads."""
    emb = get_embedder("minilm")
    long = " ".join(FLOOD * 30)
    pieces = emb.model.tokenizer(long, truncation=True, max_length=emb.model.max_seq_length)  # type: ignore[attr-defined]
    with_cut = emb.encode([long])[0]
    direct = emb.model.encode([long], normalize_embeddings=True)[0]  # type: ignore[attr-defined]
    assert len(pieces["input_ids"]) == emb.model.max_seq_length  # type: ignore[attr-defined]
    assert np.allclose(with_cut, direct, atol=1e-5)


@pytest.mark.model
def test_minilm_thread_count_is_per_call_and_does_not_change_vectors() -> None:
    import torch

    emb = get_embedder("minilm")
    before = torch.get_num_threads()
    one = emb.encode([*FLOOD, CHESS], threads=1)
    assert torch.get_num_threads() == before  # the process setting is put back
    two = emb.encode([*FLOOD, CHESS], threads=2)
    assert torch.get_num_threads() == before
    assert np.allclose(one, two, atol=1e-5)


def test_embed_threads_setting_from_env_and_override() -> None:
    from storyline.config import Settings, load_settings

    assert Settings().embed_threads == 1
    env = {"STORYLINE_EMBEDDER": "tfidf"}
    assert load_settings(env).embed_threads == 1
    assert load_settings({**env, "STORYLINE_EMBED_THREADS": "0"}).embed_threads == 0
    assert load_settings(env, embed_threads=2).embed_threads == 2
    with pytest.raises(ValueError, match="whole number"):
        load_settings({**env, "STORYLINE_EMBED_THREADS": "two"})
    with pytest.raises(ValueError, match=">= 0"):
        Settings(embed_threads=-1)


def test_precision_settings_and_vector_labels() -> None:
    from storyline.config import Settings, load_settings
    from storyline.embed import embedder_of_key, native_bf16, resolve_precision, vector_key

    env = {"STORYLINE_EMBEDDER": "tfidf"}
    # auto is resolved when settings load, to what this CPU runs natively
    assert load_settings(env).embed_precision == ("bf16" if native_bf16() else "fp32")
    assert load_settings({**env, "STORYLINE_EMBED_PRECISION": "fp32"}).embed_precision == "fp32"
    assert load_settings(env, embed_precision="bf16").embed_precision == "bf16"
    with pytest.raises(ValueError, match="unknown embed precision"):
        Settings(embed_precision="int4")
    with pytest.raises(ValueError, match="unknown precision"):
        resolve_precision("fp64")
    # fp32 MiniLM keeps the bare name (stores written before the setting stay valid); bf16 has
    # its own label; the other embedders have no precision
    assert vector_key("minilm", "fp32") == "minilm"
    assert vector_key("minilm", "bf16") == "minilm+bf16"
    assert vector_key("tfidf", "bf16") == "tfidf"
    assert Settings(embedder="minilm", embed_precision="bf16").vector_key == "minilm+bf16"
    assert embedder_of_key("minilm+bf16") == "minilm" and embedder_of_key("tfidf") == "tfidf"


@pytest.mark.model
def test_minilm_bf16_vectors_stay_close_to_fp32() -> None:
    emb = get_embedder("minilm")
    full = emb.encode([*FLOOD, CHESS], threads=1, precision="fp32")
    half = emb.encode([*FLOOD, CHESS], threads=1, precision="bf16")
    check_vectors(half, 3, 384)
    assert half.dtype == np.float32
    # close but not equal: why the two are stored under different labels
    assert np.abs(full @ full.T - half @ half.T).max() < 0.02
    assert half[0] @ half[1] > half[0] @ half[2] + 0.2


@pytest.mark.model
def test_a_store_never_mixes_vectors_of_two_precisions(tmp_path: Path) -> None:
    from storyline.engine import Engine

    docs = tmp_path / "in"
    docs.mkdir()
    for i, text in enumerate([*FLOOD, CHESS]):
        (docs / f"a{i}.txt").write_text(text + "\n")
    db = tmp_path / "p.db"

    def labels(eng: Engine) -> set[str | None]:
        return {row.embedder for row in eng.store.signatures()}

    with Engine.open(db, extractor="rules", embed_precision="fp32") as eng:
        eng.ingest([str(docs)], extract=False)
        assert labels(eng) == {"minilm"}
        stories = len(eng.stories())
    # opened in bf16, recluster embeds again (and keeps the new vectors) instead of mixing
    with Engine.open(db, extractor="rules", embed_precision="bf16") as eng:
        eng.recluster()
        assert labels(eng) == {"minilm+bf16"} and len(eng.stories()) == stories
    # back in fp32, the next ingest rebuilds the index on fp32 vectors only
    (docs / "a3.txt").write_text(
        "Volunteers in Brisk cleared mud from the flooded school after the heavy rain.\n"
    )
    with Engine.open(db, extractor="rules", embed_precision="fp32") as eng:
        eng.ingest([str(docs)], extract=False)
        assert labels(eng) == {"minilm"}
