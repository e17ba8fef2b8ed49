"""The crawl's outputs: the per-page table printed with the test, the failure message
listing every offender, and the findings file the helpers of issue 20 read."""

from collections import defaultdict
from datetime import UTC, datetime

from .crawl_visit import Visit

OWNERS_ORDER = ["quiz", "plan", "bilan", "shell", "courses", "sessions", "unit", "crawl"]


def table(visits: list[Visit]) -> str:
    """One line per visit: role, width, server time, status, blocking axe rules, path."""
    lines = [
        f"{'role':<16} {'width':>5} {'ms':>6} {'load':>5} {'check':>5} {'status':>6} "
        f"{'axe':>3} {'pb':>3}  path"
    ]
    for visit in visits:
        moved = visit.final_path not in ("", visit.path)
        lines.append(
            f"{visit.role:<16} {visit.width:>5} {visit.ms if visit.ms is not None else '-':>6} "
            f"{visit.load_s:>5.1f} {visit.check_s:>5.1f} "
            f"{visit.status or '-':>6} {len(visit.violations):>3} {len(visit.problems()):>3}  "
            f"{visit.path}{'  → ' + visit.final_path if moved else ''}"
            f"{'  (' + visit.note + ')' if visit.note else ''}"
        )
    return "\n".join(lines)


def _grouped(visits: list[Visit]) -> dict[str, dict[str, list[str]]]:
    """Problems by owner, then by page (path and pattern), each line saying who and how wide."""
    grouped: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    for visit in visits:
        for problem in visit.problems():
            key = f"{visit.path}  [{visit.pattern}]"
            grouped[visit.owner][key].append(f"{visit.role} @{visit.width}: {problem}")
    return grouped


def failure_message(visits: list[Visit]) -> str:
    grouped = _grouped(visits)
    count = sum(len(lines) for pages in grouped.values() for lines in pages.values())
    lines = [f"{count} problems on {sum(map(len, grouped.values()))} pages:"]
    for owner in sorted(grouped, key=_owner_rank):
        lines.append(f"\n== {owner} ==")
        for page in sorted(grouped[owner]):
            lines.append(page)
            lines += [f"    {line}" for line in grouped[owner][page]]
    return "\n".join(lines)


def findings_markdown(visits: list[Visit], *, branch: str, seconds: float) -> str:
    grouped = _grouped(visits)
    now = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    pages = len({(v.role, v.path) for v in visits})
    lines = [
        "# Crawl findings (issue 20)",
        "",
        f"Updated {now}, crawl of branch `{branch}` on the demo data: {pages} role×page, "
        f"{len(visits)} visits (1280×900 and 390×844), {seconds:.0f} s.",
        "Grouped by owner (the brief's table). Each line: role @width: problem. `layout` = "
        "every node of the axe violation is in the header/footer/skiplinks (shell).",
        "Run it: `bash scripts/with-services.sh .venv/bin/pytest -p no:cacheprovider -q "
        "tests/browser/test_crawl.py` (add `-s` for the per-page table).",
    ]
    for owner in sorted(grouped, key=_owner_rank):
        lines += ["", f"## {owner}", ""]
        for page in sorted(grouped[owner]):
            lines.append(f"- `{page}`")
            lines += [f"    - {line}" for line in grouped[owner][page]]
    if not grouped:
        lines += ["", "No finding."]
    return "\n".join(lines) + "\n"


def _owner_rank(owner: str) -> int:
    return OWNERS_ORDER.index(owner) if owner in OWNERS_ORDER else len(OWNERS_ORDER)
