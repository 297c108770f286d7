"""The Ray engine's records become the store's rows without rebuilding Documents: same rows as before."""

from __future__ import annotations

from pathlib import Path

import pytest

from dyad.engine.common import prepared
from dyad.engine.records import RECORD_SCHEMA, document_from_record, document_record, meta_record, prepared_from_record
from dyad.model import DocumentMeta
from dyad.pipeline import process

SAMPLE = Path(__file__).resolve().parents[2] / "src" / "dyad" / "data" / "sample"
REPEATED = ("Share this article\n\nOn 19 October 1956 the Soviet Union and Japan signed a joint declaration in Moscow. "
            "The declaration ended the state of war. On 19 October 1956 the Soviet Union and Japan signed a joint "
            "declaration in Moscow.\n\nRead more: our Asia coverage\n\nSubscribe")


@pytest.mark.parametrize("name", ["en_02_russo_japanese_war.txt", "ro_04_de_la_1945_la_1993.txt", None])
def test_rows_from_a_record_equal_the_rows_of_the_document_it_came_from(name):
    text = (SAMPLE / name).read_text(encoding="utf-8") if name else REPEATED
    language = name[:2] if name else "en"
    doc = process(text, DocumentMeta(name or "repeated.txt", title="t", published="1956-10-20", language=language))
    row = {"file_index": 0, "record_index": 0, **meta_record(doc.meta)}
    # through Arrow, as the records travel through Parquet
    record = __import__("pyarrow").Table.from_pylist([document_record(doc, row)], schema=RECORD_SCHEMA).to_pylist()[0]
    old = prepared(document_from_record(record))
    assert prepared_from_record(record, old.supported) == old == prepared(doc)
    assert old.events and (name or old.removed)  # not vacuous: events, and removed spans in the made-up one
