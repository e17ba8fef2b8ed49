"""H5P files move from MEDIA_ROOT/h5p/ to the private storage's h5p/ folder.

In DEBUG, `make run` serves MEDIA_ROOT under /media/ to anyone, which bypassed the
sign-in check of courses.views.h5p_file. Relative paths (FileField names, content
and library folders) do not change, so only the files move; the database keeps
its values. Going back leaves the files where they are: the old place was public.
"""

import shutil
from pathlib import Path

from django.conf import settings
from django.core.files.storage import storages
from django.db import migrations, models

import courses.models.h5p

H5P_FOLDER = "h5p"


def move_h5p_files(apps, schema_editor):
    public = Path(settings.MEDIA_ROOT) / H5P_FOLDER
    private = Path(storages["private"].path(H5P_FOLDER))
    if public.is_dir() and public.resolve() != private.resolve():
        merge_folder(public, private)


def merge_folder(source: Path, target: Path) -> None:
    """Move everything in `source` into `target`, then remove `source`.

    A file already in `target` wins (written there after this code was deployed);
    its public copy is deleted, so that nothing stays under MEDIA_ROOT.
    """
    target.mkdir(parents=True, exist_ok=True)
    for entry in source.iterdir():
        destination = target / entry.name
        if entry.is_dir() and not entry.is_symlink() and destination.is_dir():
            merge_folder(entry, destination)
        elif not (destination.exists() or destination.is_symlink()):
            shutil.move(entry, destination)
        elif entry.is_dir() and not entry.is_symlink():
            shutil.rmtree(entry)
        else:
            entry.unlink()
    source.rmdir()


class Migration(migrations.Migration):
    dependencies = [
        ("courses", "0005_enrolment_cycle"),
    ]

    operations = [
        migrations.AlterField(
            model_name="h5ppackage",
            name="file",
            field=models.FileField(
                storage=courses.models.h5p.h5p_storage,
                upload_to="h5p/uploads/%Y/%m/",
                verbose_name="fichier .h5p",
            ),
        ),
        migrations.RunPython(move_h5p_files, migrations.RunPython.noop),
    ]
