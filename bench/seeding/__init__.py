"""The parts of bench/seed.py: constants and timing (common), texts and names (content),
modules and lessons (pages), learners and their progress (learners), foreign keys
(integrity)."""
