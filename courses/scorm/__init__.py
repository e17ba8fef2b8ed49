"""SCORM 1.2 and 2004 packages: validation of an upload, storage and extraction."""
