// Cross-check for tests/planner/exports: parse iCalendar files with ical.js (Mozilla's parser,
// used by Thunderbird) and print every VEVENT's UTC instants as JSON.
//
// Usage: node instants.mjs FILE [FILE ...]
// Output: {"FILE": [{"uid", "sequence", "status", "start", "end"}, ...], ...}; start/end are
// UTC ISO strings. Each file's own VTIMEZONE blocks are registered first; a TZID without one,
// or a floating (zone-less) time, is an error (exit 2), never a silent guess.
import { readFileSync } from "node:fs";
import ICAL from "ical.js";

function utc(prop, where) {
  if (!prop) return null;
  const time = prop.getFirstValue();
  const tzid = prop.getParameter("tzid");
  if (tzid && !ICAL.TimezoneService.has(tzid)) {
    throw new Error(`${where}: TZID ${tzid} has no VTIMEZONE in the file`);
  }
  if (!tzid && time.zone !== ICAL.Timezone.utcTimezone) {
    throw new Error(`${where}: floating time ${time.toString()}`);
  }
  return time.toJSDate().toISOString();
}

const out = {};
for (const file of process.argv.slice(2)) {
  ICAL.TimezoneService.reset();
  const root = new ICAL.Component(ICAL.parse(readFileSync(file, "utf8")));
  for (const vtz of root.getAllSubcomponents("vtimezone")) {
    ICAL.TimezoneService.register(new ICAL.Timezone(vtz));
  }
  out[file] = root.getAllSubcomponents("vevent").map((ev) => {
    const uid = ev.getFirstPropertyValue("uid");
    const where = `${file} ${uid}`;
    return {
      uid,
      sequence: ev.getFirstPropertyValue("sequence"),
      status: ev.getFirstPropertyValue("status"),
      summary: ev.getFirstPropertyValue("summary"),
      start: utc(ev.getFirstProperty("dtstart"), where),
      end: utc(ev.getFirstProperty("dtend"), where),
    };
  });
}
process.stdout.write(JSON.stringify(out));
