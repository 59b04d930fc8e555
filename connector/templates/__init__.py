"""Templates: what renders are made from.

``store`` templates per account (metadata and list); ``versions`` every version's JSON, never overwritten;
``fields`` a template's fields in each automation platform's vocabulary; ``examples`` the starter templates ready
to copy; ``assets`` uploaded images, kept with the hosted files and read by renders; ``brands`` brand kits (a
default one per account) whose values ``@brand.…`` tokens draw, ``brandvalues`` their validation.
"""
