"""lagesbild:grantaccess: a database login joins a shared store's role for
one organisation (a PostgreSQL store; a file has no logins)."""

from qgis.core import (
    QgsProcessingException,
    QgsProcessingOutputString,
    QgsProcessingParameterEnum,
    QgsProcessingParameterString,
)

from ..core.domain.validation import ValidationError
from ..core.i18n import tr
from ..core.store import ROLES, Store, StoreError
from .base import LagesbildAlgorithm
from .common import store_input, store_parameter


class GrantAccessAlgorithm(LagesbildAlgorithm):
    STORE = "STORE"
    LOGIN = "LOGIN"
    ORGANISATION = "ORGANISATION"
    ROLE = "ROLE"

    def name(self) -> str:
        return "grantaccess"

    def displayName(self) -> str:
        return tr("Grant access to a shared store")

    def shortHelpString(self) -> str:
        return tr(
            "Makes an existing database login a reporter, coordinator or reader of a store on PostgreSQL, "
            "for one of the store's organisations. What each role may do is enforced by the database: a "
            "reporter reads every organisation's incidents and adds or changes only its own organisation's "
            "new reports; a coordinator handles, closes and deletes incidents and keeps the areas and the "
            "action plan; a reader sees the map without free text. The edit's organisation is always the "
            "login's. A new role for a login takes its old one back. The login itself (and its password) "
            "is made by the database's administrator (CREATE ROLE name LOGIN)."
        )

    def initAlgorithm(self, config=None):
        self.addParameter(store_input(self.STORE, tr("Store (a PostgreSQL connection)")))
        self.addParameter(QgsProcessingParameterString(self.LOGIN, tr("Database login")))
        self.addParameter(QgsProcessingParameterString(self.ORGANISATION, tr("Organisation (its code)")))
        self.addParameter(QgsProcessingParameterEnum(
            self.ROLE, tr("Role"), [tr("Reporter"), tr("Coordinator"), tr("Reader")], defaultValue=0))
        self.addOutput(QgsProcessingOutputString(self.LOGIN, tr("Login")))

    def processAlgorithm(self, parameters, context, feedback):
        location = store_parameter(self, parameters, self.STORE, context)
        login = self.parameterAsString(parameters, self.LOGIN, context).strip()
        organisation = self.parameterAsString(parameters, self.ORGANISATION, context).strip()
        role = ROLES[self.parameterAsEnum(parameters, self.ROLE, context)]
        try:
            with Store.open(location) as store:
                store.grant_access(login, organisation, role)
        except ValidationError as error:
            raise QgsProcessingException(tr("{organisation}: {problem}").format(
                organisation=organisation, problem=error.problems[0].message)) from error
        except StoreError as error:
            raise QgsProcessingException(str(error)) from error
        feedback.pushInfo(tr("{login} is now a {role} for {organisation} in {store}").format(
            login=login, role=role, organisation=organisation, store=location.display))
        return {self.STORE: location.display, self.LOGIN: login}
