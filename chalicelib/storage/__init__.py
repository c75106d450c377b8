"""Storage behind small interfaces, each with an AWS and an embedded implementation.

The app depends on `BlobStore`, `Table` and `Queue`; `factory` picks the
implementation from the stage's settings. One contract test suite runs
against both, so the local app behaves like the deployed one.
"""
