"""Words of the Capaciteit page, Dutch and English (merged into `planner.i18n`)."""

TEXT: dict[str, tuple[str, str]] = {
    "page.capacity": ("Capaciteit", "Capacity"),
    "cap.intro": ("Hoeveel zaken gaan er verloren door te weinig begeleiders of voertuigen, en wat levert één "
                  "extra op? Kies een basisscenario en de assen; elke waarde wordt apart opgelost.",
                  "How many cases are lost for lack of escorts or vehicles, and what does one more buy? Pick a "
                  "base scenario and the axes; every value is solved on its own."),
    "cap.scenario": ("Basisscenario", "Base scenario"),
    "cap.axes": ("Assen", "Axes"),
    "cap.range": ("Erbij of eraf (mensen en voertuigen)", "Added or removed (people and vehicles)"),
    "cap.time_limit": ("Seconden per oplossing", "Seconds per solve"),
    "cap.solves": ("{n} oplossingen", "{n} solves"),
    "cap.start": ("Sweep starten", "Start sweep"),
    "cap.pick_axis": ("Kies ten minste één as.", "Pick at least one axis."),
    "cap.running": ("Bezig: {done} van {total} oplossingen klaar", "Running: {done} of {total} solves done"),
    "cap.failed": ("De sweep is mislukt (code {code}).", "The sweep failed (code {code})."),
    "cap.some_failed": ("Klaar, maar niet elke oplossing gaf een geldig resultaat: zie de tabel.",
                        "Done, but not every solve gave a valid result: see the table."),
    "cap.done": ("Klaar: {total} oplossingen.", "Done: {total} solves."),
    "cap.marginal": ("Marginale waarde", "Marginal value"),
    "cap.none_yet": ("Nog geen sweep in deze sessie.", "No sweep in this session yet."),
    "cap.ray": ("Grote sweeps gaan naar het Ray-cluster ({address}).",
                "Large sweeps go to the Ray cluster ({address})."),
}
