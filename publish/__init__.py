"""Publishing the gold set: document-level splits, a Hub-ready folder, a dataset card, exports."""

from goldsmith.publish.folder import PublishReport, write_hub_folder
from goldsmith.publish.splits import split_documents

__all__ = ["PublishReport", "split_documents", "write_hub_folder"]
