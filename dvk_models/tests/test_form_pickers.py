"""The pickers of units, people and users on the DVK forms choose among
existing records: nobody creates a department, an employee or a user from a
DVK form by typing a name into a picker ("Tạo ..."), which would add a unit to
the organisation tree or a person to HR behind the HR officers' back."""

import ast

from lxml import etree

from odoo.exceptions import UserError
from odoo.tests import TransactionCase, freeze_time, tagged
from odoo.tools.safe_eval import safe_eval

from .common import DvkCommon

DVK_MODULES = ("dvk_models", "dvk_police", "dvk_union", "dvk_statehub")
PICKED = (
    "hr.department",
    "hr.employee",
    "res.users",
    "dvk.campaign",
    "dvk.level",
    "dvk.model",
    "dvk.exemplar",
)
READONLY = ("1", "True", "true")


def _options(node):
    text = (node.get("options") or "{}").replace("true", "True")
    text = text.replace("false", "False")
    try:
        return ast.literal_eval(text)
    except (ValueError, SyntaxError):
        return {}


@tagged("post_install", "-at_install")
class TestFormPickers(TransactionCase):
    def _dvk_views(self):
        """The primary form and list views of the DVK addons, and the primary
        views that the DVK addons extend, each once."""
        data = self.env["ir.model.data"].search(
            [("module", "in", DVK_MODULES), ("model", "=", "ir.ui.view")]
        )
        views = self.env["ir.ui.view"].browse(data.mapped("res_id")).exists()
        primaries = self.env["ir.ui.view"]
        for view in views:
            while view.mode != "primary" and view.inherit_id:
                view = view.inherit_id
            if view.type in ("form", "list"):
                primaries |= view
        return primaries

    def _creatable_pickers(self, model, node, found, where):
        """(view, model, field) of the editable pickers of ``PICKED`` records
        under ``node`` that offer to create one."""
        for child in node.iterchildren(tag=etree.Element):
            if child.tag == "list" and not child.get("editable"):
                # Rows of a list open a form: nothing is picked in the row.
                continue
            if child.tag != "field":
                self._creatable_pickers(model, child, found, where)
                continue
            field = model._fields.get(child.get("name"))
            if field is None:
                continue
            if field.type in ("one2many", "many2many") and len(child):
                # Subviews of the lines: their fields belong to the comodel.
                self._creatable_pickers(
                    self.env[field.comodel_name], child, found, where
                )
            if field.type not in ("many2one", "many2many"):
                continue
            if field.comodel_name not in PICKED:
                continue
            if not any(module.startswith("dvk_") for module in field._modules):
                continue
            if child.get("invisible") in READONLY or child.get("readonly") in READONLY:
                continue
            if field.readonly and child.get("readonly") is None:
                continue
            options = _options(child)
            lines = child.find("list")
            if lines is not None and lines.get("create") in ("0", "false", "False"):
                # Lines linked from existing records only.
                continue
            if options.get("no_create") or (
                options.get("no_quick_create") and options.get("no_create_edit")
            ):
                continue
            found.append(f"{where}: {model._name}.{field.name}")

    def test_no_quick_create_of_units_people_or_users(self):
        """Rule: the DVK forms pick units, employees, users, campaigns,
        levels, models and exemplars among existing records (a model or an
        exemplar is registered through its own form, with its checks):
        every editable picker of them added by the DVK addons has no
        "Create ..." entry."""
        views = self._dvk_views()
        self.assertTrue(views)
        found = []
        for view in views:
            model = self.env[view.model]
            arch = etree.fromstring(model.get_view(view.id, view.type)["arch"])
            root = etree.Element("view")
            root.append(arch)
            self._creatable_pickers(model, root, found, view.xml_id or view.name)
        self.assertFalse(
            found,
            "Pickers offering to create a unit, a person or a user:\n"
            + "\n".join(sorted(set(found))),
        )


@tagged("post_install", "-at_install", "access_rights")
@freeze_time("2026-02-10")
class TestPickerDomains(DvkCommon):
    def _offered(self, model_name, fname, user, record_values=None):
        """The records the picker of ``fname`` offers to ``user`` on a form
        holding ``record_values``."""
        Model = self.env[model_name].with_user(user)
        field = Model._fields[fname]
        domain = field.domain or []
        if isinstance(domain, str):
            domain = safe_eval(domain, dict(record_values or {}))
        Comodel = self.env[field.comodel_name].with_user(user)
        return Comodel.search(domain)

    def test_registration_pickers_offer_what_the_server_accepts(self):
        """Rule: a picker offers only what the user may act on: the unit of a
        registration among the units the server lets him register for (the
        staff's own unit, an officer's units in charge), the campaign among
        the open ones; a unit the picker hides is refused by the server."""
        draft = self.env["dvk.campaign"].create(
            {"name": "Dân vận khéo 2027", "year": 2027, "profile": "party"}
        )
        units = self._offered("dvk.model", "department_id", self.user_staff)
        self.assertIn(self.commune, units)
        self.assertNotIn(self.commune_other, units)
        self.assertNotIn(self.district, units)
        with self.assertRaises(UserError):
            self._create_model(department_id=self.commune_other.id)
        officer_units = self._offered("dvk.model", "department_id", self.user_officer)
        self.assertIn(self.commune_other, officer_units)
        self.assertIn(self.district, officer_units)
        self.assertNotIn(self.province, officer_units)
        self.assertIn(
            self.province,
            self._offered("dvk.model", "department_id", self.user_manager),
        )
        campaigns = self._offered("dvk.model", "campaign_id", self.user_staff)
        self.assertIn(self.campaign, campaigns)
        self.assertNotIn(draft, campaigns)
        self.assertNotIn(
            draft, self._offered("dvk.decision", "campaign_id", self.user_officer)
        )

    def test_issuer_picker_offers_units_of_the_decisions_level(self):
        """Rule: seed 001 §3 — a decision at a level is issued by a unit of
        that level: the issuer picker offers those units only, as the
        server's check accepts."""
        vals = {"campaign_id": self.campaign.id, "level_id": self.level_grassroots.id}
        draft = self.env["dvk.decision"].with_user(self.user_officer).new(vals)
        issuers = self._offered(
            "dvk.decision",
            "authority_department_id",
            self.user_officer,
            {"level_id": vals["level_id"], "dvk_issuer_ids": draft.dvk_issuer_ids.ids},
        )
        self.assertIn(self.commune, issuers)
        self.assertNotIn(self.district, issuers)
