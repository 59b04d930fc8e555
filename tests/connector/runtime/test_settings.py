"""Settings come from PLATEN_* variables, each documented with its default."""

import pytest

from connector.runtime.settings import Settings


def test_environment_is_read_and_typed():
    s = Settings.from_env({"PLATEN_MONTHLY_CREDITS": "50", "PLATEN_RATE_LIMIT_ENABLED": "0",
                           "REDIS_URL": "redis://h:1/2", "PLATEN_DATA_DIR": "/tmp/x"})
    got = (s.monthly_credits, s.rate_limit_enabled, s.redis_url, s.data_dir)
    assert got == (50, False, "redis://h:1/2", "/tmp/x")
    assert Settings.from_env({}).data_dir == "./data" and Settings.from_env({}).redis_url is None


def test_bad_numbers_name_the_setting():
    with pytest.raises(ValueError, match="monthly_credits"):
        Settings.from_env({"PLATEN_MONTHLY_CREDITS": "lots"})


def test_every_setting_is_documented_and_in_the_configuration_table():
    table = (__import__("pathlib").Path(__file__).resolve().parents[3] / "docs" / "operations.md").read_text()
    for env, _default, help_ in Settings.documented():
        assert help_, env
        assert f"`{env}`" in table, f"{env} missing from the configuration table in docs/operations.md"
