"""Reading a whole project (or some articles) at once for export, and restoring one.

(Being written: see the exporting helpers.)
"""

from __future__ import annotations

from storage.service_base import ServicePart


class BundleOperations(ServicePart):
    pass
