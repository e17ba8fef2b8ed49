"""Reads of the training capability, by concern.

- `catalogue`: published modules, their search and their lessons;
- `progress`: a learner's progress in a module, the module and lesson pages' context;
- `requirements`: what the module's completion rule still waits for;
- `learners`: "Mes formations" and a module's learners;
- `records`: a learner's own records (H5P player state, RGPD export).

Rendering (the lesson page's shared column) lives in `courses.rendering`: selectors
read, they do not render.
"""
