"""The printed table: figures per scenario, verdict against its target, costliest SQL."""

import os
import re

from .scenario import Scenario


def verdict(scenario: Scenario) -> str:
    if scenario.target_rps is None:
        return "—"
    misses = []
    if scenario.result["rps"] < scenario.target_rps:
        misses.append("débit")
    if len(scenario.worst) > scenario.max_queries:
        misses.append("SQL")
    if scenario.result["errors"]:
        misses.append("erreurs")
    return "atteint" if not misses else f"non atteint ({', '.join(misses)})"


COLUMNS = [
    ("scénario", 40, "<"),
    ("req/s", 7, ">"),
    ("cible", 6, ">"),
    ("p50 ms", 8, ">"),
    ("p95 ms", 8, ">"),
    ("SQL", 5, ">"),
    ("max", 4, ">"),
    ("web", 7, ">"),
    ("pg", 6, ">"),
    ("redis", 6, ">"),
    ("client", 7, ">"),
    ("plafond", 8, ">"),
    ("erreurs", 8, ">"),
    ("objectif", 0, "<"),
]


def row(values) -> str:
    cells = []
    for (_name, width, align), value in zip(COLUMNS, values, strict=True):
        cells.append(f"{value:{align}{width}}" if width else f"  {value}")
    return "".join(cells)


def print_report(scenarios: list[Scenario], args):
    _print_table(scenarios, args)
    _print_notes(scenarios)
    _print_costliest_sql(scenarios, args)


def _print_table(scenarios: list[Scenario], args):
    header = row([name for name, _w, _a in COLUMNS])
    print()
    print(
        f"gunicorn 2 workers, {args.concurrency} clients, {args.seconds:g} s par scénario "
        f"(après {args.warmup:g} s de chauffe), {os.cpu_count()} cœurs partagés.\n"
        "SQL : requêtes de la plus coûteuse des requêtes comptées ; max : budget.\n"
        "CPU en ms par requête : web = gunicorn, pg = PostgreSQL, redis, client = générateur.\n"
        f"Plafond : req/s que {os.cpu_count()} cœurs dédiés au serveur permettraient d'après "
        "son CPU mesuré (web + pg + redis),\nmoins bruité que le débit quand d'autres "
        "processus occupent la machine."
    )
    print(header)
    print("-" * (len(header) + 24))
    for s in scenarios:
        r = s.result
        print(
            row(
                [
                    s.label,
                    f"{r['rps']:.1f}",
                    f"{s.target_rps:g}" if s.target_rps else "",
                    f"{r['p50_ms']:.1f}",
                    f"{r['p95_ms']:.1f}",
                    len(s.worst),
                    s.max_queries if s.max_queries is not None else "",
                    f"{r['cpu_web']:.2f}",
                    f"{r['cpu_pg']:.2f}",
                    f"{r['cpu_redis']:.2f}",
                    f"{r['cpu_client']:.2f}",
                    f"{ceiling(r):.0f}",
                    r["errors"],
                    verdict(s),
                ]
            )
        )


def _print_notes(scenarios: list[Scenario]):
    for s in scenarios:
        if s.result["errors"]:
            first = s.result["first_error"]
            print(f"  {s.label} : {s.result['errors']} erreurs, la première : {first}")
    print(
        "Part du CPU de chaque worker gunicorn : "
        + " ; ".join(
            f"{s.label.split(' (')[0]} {' / '.join(f'{x} %' for x in s.result['worker_shares'])}"
            for s in scenarios
            if s.result.get("worker_shares")
        )
    )
    print(
        "Part des connexions des clients tenues par chaque worker (relevées toutes les "
        "100 ms) : "
        + " ; ".join(
            f"{s.label.split(' (')[0]} "
            f"{' / '.join(f'{x} %' for x in s.result['worker_connections'])}"
            for s in scenarios
            if s.result.get("worker_connections")
        )
    )
    print(
        "Objectif atteint : débit ≥ cible, requêtes SQL ≤ max et aucune erreur. "
        "Le banc d'essai mesure et ne fait jamais échouer la commande."
    )


def _print_costliest_sql(scenarios: list[Scenario], args):
    for s in scenarios:
        if s.max_queries is None:
            continue
        print(
            f"\n« {s.label} », {len(s.samples)} requêtes de la rotation comptées : "
            f"{s.distribution()}.\nRequêtes SQL de la plus coûteuse ({len(s.worst)}) :"
        )
        for number, sql in enumerate(s.worst, 1):
            sql = short_sql(sql)
            print(
                f"  {number:>2}. {sql[: args.sql_width]}{'…' if len(sql) > args.sql_width else ''}"
            )


def ceiling(result: dict) -> float:
    """Requests/s the machine's cores would serve if only the server used them."""
    server_ms = result["cpu_web"] + result["cpu_pg"] + result["cpu_redis"]
    return (os.cpu_count() or 1) * 1000 / server_ms if server_ms else 0.0


def short_sql(sql: str) -> str:
    """One line, long column lists of SELECT shortened, so the clauses that matter show."""
    sql = re.sub(r"\s+", " ", sql)

    def columns(match: re.Match) -> str:
        names = match.group(1)
        if len(names) < 80:
            return match.group(0)
        table = re.match(r'"(\w+)"', names)
        return (
            f"SELECT {table.group(1) + '.' if table else ''}* ({names.count(',') + 1} col.) FROM "
        )

    return re.sub(r"SELECT (.+?) FROM ", columns, sql)
