"""A periodic report is written by the registrant of its model or the person
it is about (or an officer), no longer by the approver who reads it. The
rule is noupdate data: it is deleted here and created again from the
addon's file by the update that follows."""

from odoo.addons.dvk_models.tools import access_migration


def migrate(cr, version):
    if not version:
        return
    access_migration.drop_rules(cr, "dvk_police", ("dvk_police_report_rule_user",))
