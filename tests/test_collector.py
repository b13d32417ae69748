"""build_tools.mkdocs_plugin.collector: the cycle collector is paused for a build, and only for a build."""

from __future__ import annotations

import gc
import multiprocessing
from pathlib import Path

import pytest

from build_tools.mkdocs_plugin import collector
from build_tools.mkdocs_plugin.config import load_site_config
from build_tools.mkdocs_plugin.plugin import ReportPlugin

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(autouse=True)
def collector_as_found():
    """Each test starts with the collector running and unpaused, and leaves it so, whatever it asserted."""
    collector.resume()
    gc.enable()
    yield
    collector.resume()
    gc.enable()


def test_paused_until_resumed():
    collector.pause()
    assert not gc.isenabled()
    collector.resume()
    assert gc.isenabled()


def test_a_second_pause_or_resume_changes_nothing():
    collector.pause()
    collector.pause()
    collector.resume()
    assert gc.isenabled()
    collector.resume()
    assert gc.isenabled()
    collector.pause()
    assert not gc.isenabled()


def test_a_collector_stopped_by_someone_else_stays_stopped():
    gc.disable()
    collector.pause()
    collector.resume()
    assert not gc.isenabled()


def _resume_and_say(conn) -> None:
    collector.resume()
    conn.send(gc.isenabled())


def test_a_process_forked_during_a_build_ends_without_it():
    collector.pause()
    received, sent = multiprocessing.get_context("fork").Pipe(duplex=False)
    child = multiprocessing.get_context("fork").Process(target=_resume_and_say, args=(sent,))
    child.start()
    enabled = received.recv()
    child.join()
    assert enabled is False  # its build's end does not start a collection over everything it made
    collector.resume()
    assert gc.isenabled()  # the build's own process runs it again


def test_a_process_forked_outside_a_build_keeps_it():
    received, sent = multiprocessing.get_context("fork").Pipe(duplex=False)
    child = multiprocessing.get_context("fork").Process(target=_resume_and_say, args=(sent,))
    child.start()
    enabled = received.recv()
    child.join()
    assert enabled is True


def test_a_failed_build_runs_it_again():
    collector.pause()  # as the plugin's on_config does
    ReportPlugin().on_build_error(error=RuntimeError("a build failed"))
    assert gc.isenabled()


def test_a_finished_build_runs_it_again(tmp_path):
    config = load_site_config(ROOT / "mkdocs.zh-Hant.yml")  # an edition whose build builds no other
    config.site_dir = str(tmp_path)
    plugin = config.plugins["report"]
    collector.pause()
    plugin.on_post_build(config=config)
    assert gc.isenabled()
