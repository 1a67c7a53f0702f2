"""schemathesis against the OpenAPI document: every read (GET) endpoint, generated inputs, real server.

The document is taken from the app itself (it does not depend on the ledger), the calls go to a
real `conflict-ledger serve` process over HTTP.
"""

from __future__ import annotations

import schemathesis
from hypothesis import HealthCheck, settings

from conflict_ledger.serve.app import create_app

schema = schemathesis.openapi.from_dict(create_app(":memory:", "unused").openapi()).include(method="GET")


@schema.parametrize()
@settings(max_examples=30, deadline=None, suppress_health_check=list(HealthCheck))
def test_read_endpoints_conform_to_their_schema(case, server):
    """No 5xx, answers match the declared shapes, and bad input is refused with 4xx, never a crash."""
    case.call_and_validate(base_url=server)
