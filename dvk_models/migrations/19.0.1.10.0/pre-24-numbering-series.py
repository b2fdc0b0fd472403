"""Numbering series (issue 24, item 8): the yearly counters of the issuing
units become series of their shared register (kind "*") over the calendar
year, and every numbered decision records the start of the period it was
numbered in (1 January of its year). Nothing is renumbered. Runs before the
ORM so that the new required columns and unique indexes find their data."""


def migrate(cr, version):
    if not version:
        return
    cr.execute(
        """
        ALTER TABLE dvk_decision_counter
            ADD COLUMN IF NOT EXISTS document_type varchar,
            ADD COLUMN IF NOT EXISTS period_start date,
            ADD COLUMN IF NOT EXISTS period_end date
        """
    )
    cr.execute(
        """
        UPDATE dvk_decision_counter
           SET document_type = '*',
               period_start = make_date(year, 1, 1),
               period_end = make_date(year, 12, 31)
         WHERE period_start IS NULL
        """
    )
    # The old key (one counter per unit and year) would refuse a second
    # series of the same year (per kind of document).
    cr.execute("DROP INDEX IF EXISTS dvk_decision_counter_authority_year_uniq")
    cr.execute(
        "ALTER TABLE dvk_decision ADD COLUMN IF NOT EXISTS number_period_start date"
    )
    cr.execute(
        """
        UPDATE dvk_decision
           SET number_period_start = make_date(number_year, 1, 1)
         WHERE sequence_number IS NOT NULL
           AND number_period_start IS NULL
           AND number_year > 0
        """
    )
