"""The price-watch pipeline's steps, each a function over the stores.

schedule -> queue (scheduling) -> fetch a page into the pages bucket
(fetching, consumer) -> extract, record, reprice (recording) -> views.
"""
