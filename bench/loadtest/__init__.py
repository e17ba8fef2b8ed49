"""The parts of bench/load.py: raw HTTP client and CPU counters (wire), scenarios and
their timed runs (scenario), seeded learners' sessions and SQL counts (rotation), the
printed table (report)."""
