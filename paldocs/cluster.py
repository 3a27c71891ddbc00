"""Batches on a Dask cluster: a running Dask scheduler as a :class:`concurrent.futures.Executor`.

Contract: :func:`connected` connects to the scheduler at an address (``tcp://host:8786``), waits until it
has at least one worker and yields an executor whose tasks run on the cluster's workers
(``Client.get_executor``); the client is closed on leaving. ``paldocs.batch.build_files(..., executor=…)``
takes it (``paldocs build --scheduler``). Dask is the optional extra ``paldocs[cluster]`` and is imported only
here, only when a cluster is asked for. Dask missing, a scheduler not answering or one without workers:
:class:`ClusterError` (exit code 2) with a message an operator can act on. The workers must have paldocs
installed and see the data and output folders under the same paths as this machine.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from concurrent.futures import Executor

from paldocs.errors import Location, PaldocsError

CONNECT_SECONDS = 10.0  # for the scheduler to answer, and again for its first worker
CHECK_HINT = ("sprawdź adres (np. tcp://serwer:8786) i czy działają `dask scheduler` oraz co najmniej jeden "
              "`dask worker` z zainstalowanym paldocs")


class ClusterError(PaldocsError):
    """The Dask cluster cannot be used: Dask is not installed, or the scheduler does not answer."""


@contextlib.contextmanager
def connected(address: str, timeout: float | None = None) -> Iterator[Executor]:
    """An executor on the Dask scheduler at ``address`` (see the module contract)."""
    try:
        from distributed import Client
    except ImportError:
        raise ClusterError("budowanie na klastrze wymaga pakietu dask[distributed], którego tu nie ma",
                           Location(address), hint="zainstaluj go: pip install 'paldocs[cluster]'") from None
    seconds = timeout if timeout is not None else CONNECT_SECONDS
    try:
        client = Client(address, timeout=seconds, set_as_default=False)
    except Exception as error:  # refused, timed out, a malformed address: all the operator's to fix
        raise ClusterError(f"nie można połączyć się z harmonogramem Dask ({type(error).__name__}: {error})",
                           Location(address), hint=CHECK_HINT) from None
    with client:
        try:
            client.wait_for_workers(1, timeout=seconds)
        except TimeoutError:
            raise ClusterError(f"harmonogram Dask nie ma żadnego workera (czekano {seconds:g} s)",
                               Location(address), hint=CHECK_HINT) from None
        # pure=False: a build writes files, so two submissions of one file must both run, never be merged
        yield client.get_executor(pure=False)
