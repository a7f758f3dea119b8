package io.newsstream.clean;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Parses a whole string as a date, optionally with weekday, time, am/pm and zone, by a
 * hand-written token scan (no regex). Every token must be understood, so a sentence that
 * merely contains a date is not a date. Accepted: ISO dates and timestamps
 * ("2023-05-28", "2023-05-28T15:05:00Z"), month names in either order ("May 28, 2023",
 * "28 May 2023", "MAY 28, 2023 15:05"), and numeric d/m/y or m/d/y where the day is above 12
 * ("28/05/2023"). Numeric dates that could be either ("05/06/2023") are recognised as dates
 * but give no instant. No zone means UTC; zone abbreviations come from
 * {@code rules/time-zones.tsv}.
 */
final class DateParser {

    /** A recognised date; {@code instant} is null when the date is ambiguous; {@code hasTime} when a time was given. */
    record Parsed(Instant instant, boolean hasTime) {
    }

    private static final Map<String, Integer> MONTHS = months();
    private static final List<String> WEEKDAYS = List.of("monday", "tuesday", "wednesday", "thursday",
            "friday", "saturday", "sunday", "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri",
            "sat", "sun");

    private static Map<String, Integer> months() {
        String[] names = {"january", "february", "march", "april", "may", "june", "july", "august",
            "september", "october", "november", "december"};
        Map<String, Integer> m = new HashMap<>();
        for (int i = 0; i < 12; i++) {
            m.put(names[i], i + 1);
            m.put(names[i].substring(0, 3), i + 1);
        }
        m.put("sept", 9);
        return Map.copyOf(m);
    }

    private final Map<String, ZoneOffset> zones = new HashMap<>();

    DateParser() {
        for (String[] row : RuleResources.rows("time-zones.tsv", 2)) {
            zones.put(row[0].toLowerCase(Locale.ROOT), ZoneOffset.of(row[1]));
        }
    }

    /** Every month and weekday name the parser knows, full and abbreviated, in lower case. */
    static Set<String> monthAndWeekdayNames() {
        Set<String> names = new HashSet<>(MONTHS.keySet());
        names.addAll(WEEKDAYS);
        return names;
    }

    static boolean isMonth(String token) {
        return MONTHS.containsKey(stripDot(token.toLowerCase(Locale.ROOT)));
    }

    static boolean isWeekday(String token) {
        return WEEKDAYS.contains(stripDot(token.toLowerCase(Locale.ROOT)).replace(",", ""));
    }

    /** The date the whole string denotes, or null when it is not (only) a date. */
    Parsed parse(String text) {
        if (text.length() > 80) {
            return null;
        }
        String[] raw = text.toLowerCase(Locale.ROOT).replace(',', ' ').split(" ");
        int year = -1;
        int month = -1;
        int day = -1;
        int hour = -1;
        int minute = 0;
        int second = 0;
        ZoneOffset zone = ZoneOffset.UTC;
        boolean ambiguous = false;
        boolean sawTime = false;
        for (int i = 0; i < raw.length; i++) {
            String t = raw[i];
            if (t.isEmpty() || "at".equals(t) || "|".equals(t) || "-".equals(t) || "–".equals(t)
                    || "•".equals(t) || "·".equals(t) || "on".equals(t)) {
                continue;
            }
            if (isWeekday(t)) {
                continue;
            }
            String bare = stripDot(t);
            if (MONTHS.containsKey(bare) && month < 0) {
                month = MONTHS.get(bare);
                continue;
            }
            int iso = t.indexOf('t');
            if (t.length() >= 10 && Character.isDigit(t.charAt(0)) && (t.charAt(4) == '-' || t.charAt(4) == '/')
                    && year < 0) {
                int[] ymd = ymd(t.substring(0, 10));
                if (ymd == null) {
                    return null;
                }
                year = ymd[0];
                month = ymd[1];
                day = ymd[2];
                if (t.length() > 10) {
                    if (iso != 10) {
                        return null;
                    }
                    String rest = t.substring(11);
                    int zoneAt = zoneStart(rest);
                    int[] hms = time(zoneAt < 0 ? rest : rest.substring(0, zoneAt));
                    if (hms == null) {
                        return null;
                    }
                    hour = hms[0];
                    minute = hms[1];
                    second = hms[2];
                    sawTime = true;
                    if (zoneAt >= 0) {
                        zone = offset(rest.substring(zoneAt));
                        if (zone == null) {
                            return null;
                        }
                    }
                }
                continue;
            }
            if ((t.indexOf('/') > 0 || t.indexOf('.') > 0 || t.indexOf('-') > 0) && Character.isDigit(t.charAt(0))
                    && !sawTime && year < 0 && t.indexOf(':') < 0) {
                int[] dmy = numericDate(t);
                if (dmy == null) {
                    return null;
                }
                if (dmy[0] == 0) {
                    ambiguous = true;
                }
                day = dmy[0];
                month = dmy[1];
                year = dmy[2];
                continue;
            }
            if (t.indexOf(':') > 0 && Character.isDigit(t.charAt(0)) && !sawTime) {
                int[] hms = time(t);
                if (hms == null) {
                    return null;
                }
                hour = hms[0];
                minute = hms[1];
                second = hms[2];
                sawTime = true;
                continue;
            }
            if (sawTime && (t.equals("am") || t.equals("a.m.") || t.equals("pm") || t.equals("p.m."))) {
                if (hour > 12 || hour == 0) {
                    return null;
                }
                boolean pm = t.charAt(0) == 'p';
                hour = hour % 12 + (pm ? 12 : 0);
                continue;
            }
            if (isNumber(bare) || isOrdinal(bare)) {
                int n = Integer.parseInt(digits(bare));
                if (bare.length() == 4 && year < 0 && n >= 1900 && n <= 2200) {
                    year = n;
                } else if (day < 0 && n >= 1 && n <= 31 && bare.length() <= 4) {
                    day = n;
                } else {
                    return null;
                }
                continue;
            }
            ZoneOffset z = zones.get(t);
            if (z == null && (t.startsWith("+") || t.startsWith("utc") || t.startsWith("gmt"))) {
                z = offset(t);
            }
            if (z != null && (sawTime || year > 0)) {
                zone = z;
                continue;
            }
            return null;
        }
        if (year < 0 || month < 0 || (day < 0 && !ambiguous)) {
            return null;
        }
        if (ambiguous) {
            return new Parsed(null, false);
        }
        try {
            LocalDateTime at = LocalDateTime.of(LocalDate.of(year, month, day),
                    hour < 0 ? LocalTime.MIDNIGHT : LocalTime.of(hour, minute, second));
            return new Parsed(at.toInstant(zone), sawTime);
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static int[] ymd(String s) {
        String[] p = s.split("[-/]");
        if (p.length != 3 || !isNumber(p[0]) || !isNumber(p[1]) || !isNumber(p[2])) {
            return null;
        }
        return new int[] {Integer.parseInt(p[0]), Integer.parseInt(p[1]), Integer.parseInt(p[2])};
    }

    /** d/m/y or m/d/y; day 0 marks "cannot tell which". */
    private static int[] numericDate(String s) {
        String[] p = s.split("[/.\\-]");
        if (p.length != 3 || !isNumber(p[0]) || !isNumber(p[1]) || !isNumber(p[2]) || p[2].length() != 4
                || p[0].length() > 2 || p[1].length() > 2) {
            return null;
        }
        int a = Integer.parseInt(p[0]);
        int b = Integer.parseInt(p[1]);
        int y = Integer.parseInt(p[2]);
        if (a > 12 && b <= 12) {
            return new int[] {a, b, y};
        }
        if (b > 12 && a <= 12) {
            return new int[] {b, a, y};
        }
        if (a == b && a <= 12) {
            return new int[] {a, b, y};
        }
        if (a <= 12 && b <= 12) {
            return new int[] {0, 1, y};
        }
        return null;
    }

    private static int[] time(String s) {
        String[] p = s.split(":");
        if (p.length < 2 || p.length > 3) {
            return null;
        }
        String secs = p.length == 3 ? p[2] : "0";
        int dot = secs.indexOf('.');
        if (dot > 0) {
            secs = secs.substring(0, dot);
        }
        if (!isNumber(p[0]) || !isNumber(p[1]) || !isNumber(secs) || p[0].length() > 2 || p[1].length() != 2) {
            return null;
        }
        int h = Integer.parseInt(p[0]);
        int m = Integer.parseInt(p[1]);
        int sec = Integer.parseInt(secs);
        if (h > 23 || m > 59 || sec > 59) {
            return null;
        }
        return new int[] {h, m, sec};
    }

    private static int zoneStart(String rest) {
        for (int i = 0; i < rest.length(); i++) {
            char c = rest.charAt(i);
            if (c == 'z' || c == '+' || c == '-') {
                return i;
            }
        }
        return -1;
    }

    private static ZoneOffset offset(String z) {
        String s = z;
        if (s.startsWith("utc") || s.startsWith("gmt")) {
            s = s.substring(3);
        }
        if (s.isEmpty() || "z".equals(s)) {
            return ZoneOffset.UTC;
        }
        try {
            if (s.length() <= 3 && (s.charAt(0) == '+' || s.charAt(0) == '-') && isNumber(s.substring(1))) {
                return ZoneOffset.ofHours(Integer.parseInt(s));
            }
            return ZoneOffset.of(s);
        } catch (DateTimeException | NumberFormatException e) {
            return null;
        }
    }

    private static boolean isNumber(String s) {
        if (s.isEmpty() || s.length() > 9) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    private static boolean isOrdinal(String s) {
        return s.length() > 2 && s.length() <= 4
                && (s.endsWith("st") || s.endsWith("nd") || s.endsWith("rd") || s.endsWith("th"))
                && isNumber(s.substring(0, s.length() - 2));
    }

    private static String digits(String s) {
        return isNumber(s) ? s : s.substring(0, s.length() - 2);
    }

    private static String stripDot(String s) {
        return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }
}
