"""A contract type for import-linter: apps meet only through each other's public surface.

The built-in `layers` contract says which app may import which; it cannot say *what*
one app may take from another. This one does: outside tests (and outside the top
floor, `demo`, and the project package, which assemble everything), a module of one
capability app may import another capability app only through the modules listed as
its public surface (models, constants, services, selectors, signals and the
registries other apps add to). Reaching into another app's views, forms, tasks or
internals couples the two apps to details that are free to change.

Run by `lint-imports` (`make test`); configured in pyproject.toml.
"""

from importlinter import Contract, ContractCheck, fields, output


class PublicSurfaceContract(Contract):
    type_name = "public_surface"

    apps = fields.ListField(subfield=fields.StringField())
    public = fields.ListField(subfield=fields.StringField())
    exempt = fields.ListField(subfield=fields.StringField(), required=False)

    def _exempt(self, importer: str) -> bool:
        parts = importer.split(".")
        return "tests" in parts or "migrations" in parts or parts[0] in (self.exempt or [])

    def check(self, graph, verbose: bool) -> ContractCheck:
        apps, public = set(self.apps), set(self.public)
        illegal = []
        for importer in sorted(graph.modules):
            if self._exempt(importer):
                continue
            own_app = importer.split(".")[0]
            for imported in sorted(graph.find_modules_directly_imported_by(importer)):
                parts = imported.split(".")
                if parts[0] not in apps or parts[0] == own_app or len(parts) < 2:
                    continue
                if parts[1] in public:
                    continue
                lines = sorted(
                    detail["line_number"]
                    for detail in graph.get_import_details(importer=importer, imported=imported)
                )
                illegal.append((importer, imported, lines))
        return ContractCheck(kept=not illegal, metadata={"illegal": illegal})

    def render_broken_contract(self, check: ContractCheck) -> None:
        for importer, imported, lines in check.metadata["illegal"]:
            where = ", ".join(f"l.{line}" for line in lines)
            output.print_error(f"{importer} -> {imported} ({where})", bold=False)
        output.new_line()
        output.print(
            "Import what another app offers through its public surface "
            f"({', '.join(self.public)}), or move the shared piece down to core."
        )
