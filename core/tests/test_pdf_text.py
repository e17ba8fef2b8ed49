"""The shared PDF reader of the tests finds words whatever spaces extraction put in them."""

from core.tests.pdf_text import PdfText


def test_a_code_split_by_extraction_is_still_found_and_absent_words_are_not():
    text = PdfText("Code : RAQ J7K\nFait à\nLille")
    assert "RAQJ7K" in text
    assert "Fait à Lille" in text
    assert text == "Code : RAQ J7K Fait à Lille"
    assert "Arras" not in text
