"""One pipeline for every import of a list of lines (people, mostly): the capability
apps describe their columns and what a valid line becomes; the steps are here.

- `reading`: the lines of an uploaded CSV, XLSX or ODS, encoding detected (Windows-1252
  from French Excel), limits checked while reading (the file is refused at the first
  line over one, never read to the end first);
- `ods`: the streaming reader of OpenDocument spreadsheets `reading` uses;
- `pipeline`: the typed report (accepted lines, rejected lines with their number and
  French reason), the per-line loop, duplicates within a file, the rejected lines kept
  to download (core.rejected_lines);
- `previews`: the preview → confirm step: the checked file waits in the importer's own
  private folder until she confirms it (a day at most), so what is written is exactly
  what was checked.

The people columns (email, profession, département, arrondissement) are checked by
accounts.people_files, built on these steps: core imports no project app.
"""
