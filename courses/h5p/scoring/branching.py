"""BranchingScenario."""


class Branching:
    max = 0.0

    def __init__(self, content, index):
        pass

    def total(self, answers):
        return 0.0

    def complete(self, answers):
        return False
