"""Runs a Chalice app locally with its events: what `chalice local` does for
routes, plus S3, SQS and schedule handlers on embedded storage.

Development tooling only: Chalice packages app.py and chalicelib/, never
this package, so none of it ships to Lambda.
"""
