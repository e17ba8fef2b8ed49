from django.dispatch import Signal

# Sent after a graded attempt is stored (not for expired ones), with `attempt`.
# The app owning the attempt's context reacts (courses: the module's completion
# rule) and may return a message for the learner.
attempt_graded = Signal()
