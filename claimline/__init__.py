"""Claimline: an offline desktop workbench for researchers who study the news."""


def version() -> str:
    """The installed version (read on demand: package metadata is slow to load)."""
    from importlib.metadata import PackageNotFoundError
    from importlib.metadata import version as installed_version

    try:
        return installed_version("claimline")
    except PackageNotFoundError:  # a source tree that was never installed
        return "0+unknown"
