"""What QGIS knows about PostgreSQL connections: the connections saved in
QGIS (Data Source Manager), and the credentials of an ``authcfg`` in QGIS's
authentication database, read when a connection is made and never kept.

Used by ``location.StoreLocation`` only: a location holds the keys that name
a database and, at most, an ``authcfg`` id, never the password it stands for."""

from __future__ import annotations

from ..i18n import tr
from .errors import StoreError

# QgsDataSourceUri's SSL modes, by their names in libpq
_SSL_MODES = {"SslDisable": "disable", "SslAllow": "allow", "SslPrefer": "prefer", "SslRequire": "require",
              "SslVerifyCa": "verify-ca", "SslVerifyFull": "verify-full"}


def _connections() -> dict:
    from qgis.core import QgsProviderRegistry

    metadata = QgsProviderRegistry.instance().providerMetadata("postgres")
    if metadata is None:
        return {}
    try:
        return dict(metadata.connections(False))
    except Exception:  # a provider without connections API: as if none were saved
        return {}


def saved_connections() -> list[str]:
    """The names of the PostgreSQL connections saved in QGIS, sorted."""
    return sorted(_connections(), key=str.casefold)


def saved_connection_keys(name: str) -> dict[str, str]:
    """The libpq keys of the saved connection ``name`` (``password`` among
    them only when QGIS stores one in plain text; ``authcfg`` as its id)."""
    from qgis.core import QgsDataSourceUri

    connection = _connections().get(name)
    if connection is None:
        raise StoreError(tr("there is no saved PostgreSQL connection named {name} in QGIS").format(name=name))
    uri = QgsDataSourceUri(connection.uri())
    mode = uri.sslMode()
    ssl = _SSL_MODES.get(getattr(mode, "name", "") or "", "")
    if not ssl:
        ssl = {1: "disable", 2: "allow", 3: "require", 4: "verify-ca", 5: "verify-full"}.get(int(mode), "")
    keys = {"service": uri.service(), "host": uri.host(), "port": uri.port(), "dbname": uri.database(),
            "user": uri.username(), "password": uri.password(), "authcfg": uri.authConfigId(), "sslmode": ssl}
    return {key: value for key, value in keys.items() if value}


def auth_credentials(authcfg: str, where: str) -> dict[str, str]:
    """``user`` and ``password`` of the QGIS authentication configuration
    ``authcfg`` (a Basic one), for a connection made now; StoreError in words
    (never with the password) when QGIS cannot give them."""
    from qgis.core import QgsApplication, QgsAuthMethodConfig

    manager = QgsApplication.authManager()
    config = QgsAuthMethodConfig()
    loaded = manager is not None and manager.loadAuthenticationConfig(authcfg, config, True)
    if isinstance(loaded, tuple):  # some bindings return (ok, config)
        loaded, config = loaded[0], loaded[1] if len(loaded) > 1 else config
    if not loaded or not config.id():
        raise StoreError(tr(
            "{location}: the QGIS authentication configuration {authcfg} could not be read (is it there, and is "
            "QGIS's master password entered?)").format(location=where, authcfg=authcfg))
    if config.method() != "Basic":
        raise StoreError(tr(
            "{location}: the QGIS authentication configuration {authcfg} is of kind {method}; a store needs a "
            "Basic one (user name and password)").format(location=where, authcfg=authcfg, method=config.method()))
    found = {"user": config.config("username"), "password": config.config("password")}
    return {key: value for key, value in found.items() if value}
