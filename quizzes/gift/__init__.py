"""Moodle GIFT import (gift.parsing) and export (gift.writing), for the kinds the grader supports.

Parsing never stops at a bad question: each one that cannot be imported becomes a
`LineError` (French message, line where the question starts) and the rest of the file
is still read. Parsed questions are `questions.Question` objects, with generated ids
(``q1``, ``q2``… in file order; choices ``c1``…, matching prompts ``p1``… and answers
``r1``…), one point each, and the current ``$CATEGORY`` as their only tag.

Text after a ``[html]`` marker is kept verbatim as text: it is NOT safe to render and
must be sanitised (e.g. with an allow-list sanitiser) before display.
"""
