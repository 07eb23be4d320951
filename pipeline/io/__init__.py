"""Reading articles from any supported source and writing predictions."""
from pipeline.io.check import check_article, html_to_text
from pipeline.io.readers import FORMATS, InputError, read_articles
from pipeline.io.writers import (atomic_open, dumps_article, statements_frame, write_jsonl,
                                 write_statements_table)

__all__ = ["FORMATS", "InputError", "read_articles", "check_article", "html_to_text", "atomic_open",
           "dumps_article", "write_jsonl", "write_statements_table", "statements_frame"]
