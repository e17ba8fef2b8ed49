"""The demonstration data shown by `make run` (`manage.py load_demo`).

The top floor: it reads and writes through every capability app and no app imports
it. `loaders/` holds one loader per capability, `people.py` the generated learners,
`content/` the four demo modules as data (and the public documents they are built
from).
"""
