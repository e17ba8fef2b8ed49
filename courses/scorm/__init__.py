"""SCORM 1.2 and 2004 packages: validation of an upload (the first step; no model yet)."""
