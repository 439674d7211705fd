package dev.tenure.tools.feed;

import dev.tenure.tools.feed.NameBook.PersonName;
import dev.tenure.tools.feed.Organisation.Agency;
import dev.tenure.tools.feed.Organisation.Department;
import dev.tenure.tools.feed.Organisation.Job;
import dev.tenure.tools.feed.Organisation.Location;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * A seeded, reproducible HR feed for a sample organisation: every person joins, and over the period
 * some have their start date corrected or their joiner cancelled, some move (transfers between
 * agencies among them), some leave (immediate terminations among them), some of those leaves are
 * corrected or withdrawn, and some leavers come back as rehires.
 *
 * <p>The feed is consistent person by person, as an HR system would send it: nothing before the
 * joiner, nothing after a cancelled joiner or a withdrawn leaver, a move only while employed and
 * effective before any end date, an end date after the start and every move, an immediate
 * termination dated the day it is submitted or earlier, a rehire only after the end date. Each
 * person's submissions are on distinct, increasing office days (weekdays 08:00–18:00 in
 * {@link #OFFICE_ZONE}); the whole feed is ordered by submission time.
 *
 * <p>Notice is kept clear of the 14-day line so every reasonable way of measuring it agrees: an
 * on-time joiner, rehire or leaver has at least 15 calendar days between its submission day and its
 * effective date, a late one at most 12.
 */
public final class SampleFeedGenerator {

    /** Where the HR office and the coordinators work: submissions happen in its office hours. */
    public static final ZoneId OFFICE_ZONE = ZoneId.of(Organisation.NEW_YORK);
    /** The notice below which a joiner or leaver is late (the SLE documents' two weeks). */
    public static final int MINIMUM_NOTICE_DAYS = 14;

    static final List<Job> LEAD_JOBS = List.of(
            new Job("DIR-8", "Director VIII"),
            new Job("DDIR-7", "Deputy Director VII"),
            new Job("PM-6", "Program Manager VI"),
            new Job("PM-7", "Program Manager VII"));

    private static final int FIRST_OFFICE_HOUR = 8;
    private static final int OFFICE_MINUTES = 10 * 60;
    private static final double LEAD_SHARE = 0.06;

    private final FeedConfig config;
    private final Random random;
    private final LocalDate endExclusive;
    private final List<ScheduledEvent> events = new ArrayList<>();
    private final Map<String, Hire> hiresById = new LinkedHashMap<>();
    private final Map<String, List<Hire>> leadsByAgency = new LinkedHashMap<>();

    public SampleFeedGenerator(FeedConfig config) {
        this.config = config;
        this.random = new Random(config.seed());
        this.endExclusive = config.start().plusDays(config.days());
    }

    /** The feed of {@code config}, ordered by submission time. */
    public static List<ScheduledEvent> generate(FeedConfig config) {
        return new SampleFeedGenerator(config).generate();
    }

    /** Generates the feed; call once per instance. */
    public List<ScheduledEvent> generate() {
        if (!events.isEmpty()) {
            throw new IllegalStateException("a generator makes one feed; create another for another feed");
        }
        List<Hire> hires = new ArrayList<>(config.people());
        for (int i = 0; i < config.people(); i++) {
            Hire hire = drawHire(i);
            hires.add(hire);
            hiresById.put(hire.personId, hire);
        }
        appointLeads(hires);
        for (Hire hire : hires) {
            live(hire);
        }
        List<IndexedEvent> indexed = new ArrayList<>(events.size());
        for (int i = 0; i < events.size(); i++) {
            indexed.add(new IndexedEvent(i, events.get(i)));
        }
        indexed.sort(Comparator.comparing((IndexedEvent e) -> e.event.submitAt()).thenComparingInt(e -> e.index));
        List<ScheduledEvent> ordered = new ArrayList<>(indexed.size());
        for (IndexedEvent e : indexed) {
            ordered.add(e.event);
        }
        return List.copyOf(ordered);
    }

    // ---- phase 1: everyone's joiner --------------------------------------------------------------

    private Hire drawHire(int index) {
        Hire hire = new Hire();
        hire.personId = config.personIdPrefix() + String.format("%06d", index + 1);
        hire.name = NameBook.draw(random, 0.3);
        Agency agency = pickAgency(null);
        EmploymentType type = drawEmploymentType();
        hire.position = drawPosition(agency, type);
        int hiringDays = config.days() - 21;
        int offset = (int) Math.floor(hiringDays * Math.pow(random.nextDouble(), 1.5));
        hire.submitDate = weekdayOnOrAfter(config.start().plusDays(offset));
        boolean late = random.nextDouble() < config.lateJoinerShare();
        hire.startDate = startDateFor(hire.submitDate, late);
        hire.submitAt = officeInstant(hire.submitDate);
        return hire;
    }

    /** The earliest starters of each agency lead it: they manage the others and stay all period. */
    private void appointLeads(List<Hire> hires) {
        Map<String, List<Hire>> byAgency = new LinkedHashMap<>();
        for (Agency agency : Organisation.AGENCIES) {
            byAgency.put(agency.code(), new ArrayList<>());
        }
        for (Hire hire : hires) {
            byAgency.get(hire.position.agency().code()).add(hire);
        }
        for (Map.Entry<String, List<Hire>> entry : byAgency.entrySet()) {
            List<Hire> staff = entry.getValue();
            staff.sort(Comparator.comparing((Hire h) -> h.startDate).thenComparing(h -> h.submitAt)
                    .thenComparing(h -> h.personId));
            int count = Math.min(staff.size(), Math.max(2, (int) Math.ceil(staff.size() * LEAD_SHARE)));
            List<Hire> leads = new ArrayList<>(staff.subList(0, count));
            for (Hire lead : leads) {
                lead.lead = true;
                Job job = LEAD_JOBS.get(random.nextInt(LEAD_JOBS.size()));
                lead.position = new Position(lead.position.agency(), lead.position.department(), job,
                        lead.position.location(), null, EmploymentType.EMPLOYEE);
            }
            leadsByAgency.put(entry.getKey(), leads);
        }
        for (Hire hire : hires) {
            if (!hire.lead) {
                hire.position = hire.position.withManager(pickManager(hire.position.agency(), hire.startDate, hire.submitAt, null));
            }
        }
    }

    // ---- phase 2: each person's life over the period ---------------------------------------------

    private void live(Hire hire) {
        Life life = new Life(hire);
        life.joinerId = emit(hire.submitAt, joinerLike(EventType.JOINER, hire, hire.position, hire.startDate), hire.position.agency());
        life.lastSubmitDate = hire.submitDate;
        if (hire.lead) {
            return;
        }
        double correction = random.nextDouble();
        if (correction < config.startDateChangedShare()) {
            changeStartDate(life);
        } else if (correction < config.startDateChangedShare() + config.joinerCancelledShare()) {
            if (cancelJoiner(life)) {
                return;
            }
        }
        life.lastEffective = life.startDate;
        if (random.nextDouble() < config.moverShare()) {
            int moves = random.nextDouble() < 0.2 ? 2 : 1;
            for (int i = 0; i < moves && move(life); i++) {
                // each move happens only if the one before it did
            }
        }
        if (random.nextDouble() < config.leaverShare()) {
            leave(life);
        }
    }

    private void changeStartDate(Life life) {
        LocalDate changeDate = weekdayBetween(life.lastSubmitDate.plusDays(1), life.startDate.minusDays(2));
        if (changeDate == null || !changeDate.isBefore(endExclusive)) {
            return;
        }
        int[] shifts = {-14, -7, 7, 7, 14, 14, 21};
        LocalDate newStart = life.startDate.plusDays(shifts[random.nextInt(shifts.length)]);
        Hire manager = life.position.managerPersonId() == null ? null : hiresById.get(life.position.managerPersonId());
        if (!newStart.isAfter(changeDate.plusDays(2)) || (manager != null && !manager.startDate.isBefore(newStart))) {
            newStart = life.startDate.plusDays(7);
        }
        FeedEvent event = base(EventType.START_DATE_CHANGED, life.hire.personId, life.position, newStart)
                .previousDate(life.startDate)
                .build();
        emit(officeInstant(changeDate), event, life.position.agency());
        life.startDate = newStart;
        life.lastSubmitDate = changeDate;
    }

    /** Returns true when the joiner was cancelled (the person never starts). */
    private boolean cancelJoiner(Life life) {
        double r = random.nextDouble();
        JoinerCancelReason reason = r < 0.40 ? JoinerCancelReason.NO_SHOW
                : r < 0.75 ? JoinerCancelReason.OFFER_DECLINED
                : r < 0.95 ? JoinerCancelReason.OFFER_RESCINDED
                : JoinerCancelReason.OTHER;
        LocalDate date = null;
        if (reason != JoinerCancelReason.NO_SHOW) {
            date = weekdayBetween(life.lastSubmitDate.plusDays(1), life.startDate.minusDays(1));
            if (date == null) {
                reason = JoinerCancelReason.NO_SHOW;
            }
        }
        if (reason == JoinerCancelReason.NO_SHOW) {
            date = weekdayOnOrAfter(life.startDate.plusDays(1 + random.nextInt(2)));
        }
        if (!date.isBefore(endExclusive)) {
            return false;
        }
        FeedEvent event = base(EventType.JOINER_CANCELLED, life.hire.personId, life.position, life.startDate)
                .cancelReason(reason.name())
                .cancelledEventId(life.joinerId)
                .build();
        emit(officeInstant(date), event, life.position.agency());
        return true;
    }

    /** Returns true when a move was made. */
    private boolean move(Life life) {
        LocalDate effective = life.lastEffective.plusDays(45 + random.nextInt(200))
                .with(TemporalAdjusters.nextOrSame(DayOfWeek.MONDAY));
        int notice = 7 + random.nextInt(24);
        LocalDate submitDate = weekdayOnOrBefore(effective.minusDays(notice));
        if (!submitDate.isAfter(life.lastSubmitDate) || submitDate.isBefore(life.startDate)
                || !submitDate.isBefore(endExclusive)) {
            return false;
        }
        Instant submitAt = officeInstant(submitDate);
        boolean transfer = random.nextDouble() < config.transferShare();
        Position next = transfer ? transferred(life.position, effective, submitAt) : changedWithin(life.position, effective, submitAt);
        List<PositionAttribute> changed = next.changedSince(life.position);
        if (changed.isEmpty()) {
            return false;
        }
        FeedEvent event = base(EventType.MOVER, life.hire.personId, next, effective)
                .department(next.department().name())
                .job(next.job().code(), next.job().title())
                .location(next.location().name())
                .managerPersonId(next.managerPersonId())
                .employmentType(next.employmentType())
                .transfer(changed.contains(PositionAttribute.AGENCY))
                .changedAttributes(changed)
                .build();
        emit(submitAt, event, next.agency());
        life.position = next;
        life.lastEffective = effective;
        life.lastSubmitDate = submitDate;
        return true;
    }

    private Position transferred(Position current, LocalDate effective, Instant submitAt) {
        Agency agency = pickAgency(current.agency());
        Department department = agency.departments().get(random.nextInt(agency.departments().size()));
        Job job = current.job();
        boolean keepJob = random.nextBoolean()
                && (department.jobs().contains(job) || Organisation.SUPPORT_JOBS.contains(job));
        if (!keepJob) {
            job = drawJob(department, current.employmentType());
        }
        return new Position(agency, department, job, pickLocation(agency), pickManager(agency, effective, submitAt, null),
                current.employmentType());
    }

    private Position changedWithin(Position current, LocalDate effective, Instant submitAt) {
        double r = random.nextDouble();
        Agency agency = current.agency();
        if (r < 0.15 && current.employmentType() != EmploymentType.EMPLOYEE) {
            // conversion: a contractor, temp or intern hired as an employee
            Job job = current.job().equals(Organisation.INTERN_JOB) || current.job().equals(Organisation.VOLUNTEER_JOB)
                    ? drawJob(current.department(), EmploymentType.EMPLOYEE) : current.job();
            return new Position(agency, current.department(), job, current.location(), current.managerPersonId(),
                    EmploymentType.EMPLOYEE);
        } else if (r < 0.50) {
            // promotion or reclassification, sometimes under a new manager
            Job job = drawJob(current.department(), EmploymentType.EMPLOYEE);
            String manager = random.nextDouble() < 0.3
                    ? pickManager(agency, effective, submitAt, current.managerPersonId()) : current.managerPersonId();
            return new Position(agency, current.department(), job, current.location(), manager, current.employmentType());
        } else if (r < 0.70) {
            Department department = otherDepartment(agency, current.department());
            Job job = random.nextBoolean() ? current.job() : drawJob(department, current.employmentType());
            String manager = pickManager(agency, effective, submitAt, current.managerPersonId());
            return new Position(agency, department, job, current.location(), manager, current.employmentType());
        } else if (r < 0.90) {
            Location location = otherLocation(agency, current.location());
            return new Position(agency, current.department(), current.job(), location, current.managerPersonId(),
                    current.employmentType());
        }
        return current.withManager(pickManager(agency, effective, submitAt, current.managerPersonId()));
    }

    private void leave(Life life) {
        LocalDate earliest = max(life.lastSubmitDate.plusDays(1), life.startDate.plusDays(30), life.lastEffective.plusDays(1));
        LocalDate submitDate = weekdayBetween(earliest, endExclusive.minusDays(1));
        if (submitDate == null) {
            return;
        }
        boolean immediate = random.nextDouble() < config.immediateShare();
        LocalDate endDate;
        LeaveReason reason;
        if (immediate) {
            double r = random.nextDouble();
            int back = r < 0.65 ? 0 : r < 0.85 ? 1 : 2 + random.nextInt(3);
            endDate = max(submitDate.minusDays(back), life.lastEffective.plusDays(1));
            double why = random.nextDouble();
            reason = why < 0.45 ? LeaveReason.TERMINATION_FOR_CAUSE
                    : why < 0.85 ? LeaveReason.DISMISSAL
                    : why < 0.95 ? LeaveReason.OTHER
                    : LeaveReason.DECEASED;
        } else {
            boolean late = random.nextDouble() < config.lateLeaverShare();
            int notice = late ? 1 + random.nextInt(10) : 15 + (int) (Math.pow(random.nextDouble(), 2) * 31);
            endDate = weekdayOnOrAfter(submitDate.plusDays(notice));
            reason = ordinaryReason(life.position.employmentType());
        }
        FeedEvent leaver = base(EventType.LEAVER, life.hire.personId, life.position, endDate)
                .leaveReason(reason)
                .immediate(immediate)
                .build();
        String leaverId = emit(officeInstant(submitDate), leaver, life.position.agency());
        life.lastSubmitDate = submitDate;
        if (!immediate) {
            double correction = random.nextDouble();
            if (correction < config.endDateChangedShare()) {
                endDate = changeEndDate(life, endDate);
            } else if (correction < config.endDateChangedShare() + config.leaverCancelledShare()) {
                if (cancelLeaver(life, endDate, leaverId, reason)) {
                    return;
                }
            }
        }
        if (!reason.barsRehire() && random.nextDouble() < config.rehireShare()) {
            rehire(life, endDate);
        }
    }

    private LocalDate changeEndDate(Life life, LocalDate endDate) {
        LocalDate changeDate = weekdayBetween(life.lastSubmitDate.plusDays(1), endDate.minusDays(1));
        if (changeDate == null || !changeDate.isBefore(endExclusive)) {
            return endDate;
        }
        int delta = random.nextDouble() < 0.3 ? -(3 + random.nextInt(8)) : 3 + random.nextInt(28);
        LocalDate newEnd = weekdayOnOrAfter(endDate.plusDays(delta));
        if (!newEnd.isAfter(changeDate) || !newEnd.isAfter(life.lastEffective) || newEnd.equals(endDate)) {
            newEnd = weekdayOnOrAfter(endDate.plusDays(7));
        }
        FeedEvent event = base(EventType.END_DATE_CHANGED, life.hire.personId, life.position, newEnd)
                .previousDate(endDate)
                .build();
        emit(officeInstant(changeDate), event, life.position.agency());
        life.lastSubmitDate = changeDate;
        return newEnd;
    }

    /** Returns true when the leaver was withdrawn (the person stays). */
    private boolean cancelLeaver(Life life, LocalDate endDate, String leaverId, LeaveReason reason) {
        LocalDate cancelDate = weekdayBetween(life.lastSubmitDate.plusDays(1), endDate.minusDays(1));
        if (cancelDate == null || !cancelDate.isBefore(endExclusive)) {
            return false;
        }
        String why;
        if (reason == LeaveReason.END_OF_CONTRACT) {
            why = "Contract extended";
        } else if (reason == LeaveReason.RETIREMENT) {
            why = "Retirement postponed";
        } else if (reason == LeaveReason.RESIGNATION) {
            why = random.nextBoolean() ? "Resignation withdrawn" : "Resignation withdrawn after a counter-offer";
        } else {
            why = "Separation rescinded by the agency";
        }
        FeedEvent event = base(EventType.LEAVER_CANCELLED, life.hire.personId, life.position, endDate)
                .cancelReason(why)
                .cancelledEventId(leaverId)
                .build();
        emit(officeInstant(cancelDate), event, life.position.agency());
        return true;
    }

    private void rehire(Life life, LocalDate endDate) {
        LocalDate from = max(endDate.plusDays(30), life.lastSubmitDate.plusDays(1));
        LocalDate to = min(endDate.plusDays(180), endExclusive.minusDays(1));
        LocalDate submitDate = weekdayBetween(from, to);
        if (submitDate == null) {
            return;
        }
        Instant submitAt = officeInstant(submitDate);
        boolean late = random.nextDouble() < config.lateJoinerShare();
        LocalDate start = startDateFor(submitDate, late);
        Agency agency = random.nextDouble() < 0.6 ? life.position.agency() : pickAgency(life.position.agency());
        EmploymentType type = random.nextDouble() < 0.8 ? EmploymentType.EMPLOYEE : drawEmploymentType();
        Position position = drawPosition(agency, type).withManager(pickManager(agency, start, submitAt, null));
        emit(submitAt, joinerLike(EventType.REHIRE, life.hire, position, start), agency);
    }

    // ---- events ------------------------------------------------------------------------------------

    private FeedEvent joinerLike(EventType type, Hire hire, Position position, LocalDate startDate) {
        String contactName;
        String contactEmail;
        Hire manager = position.managerPersonId() == null ? null : hiresById.get(position.managerPersonId());
        if (manager != null) {
            contactName = manager.name.displayName();
            contactEmail = NameBook.email(manager.name.given(), manager.name.family(), manager.position.agency().emailDomain());
        } else {
            contactName = position.agency().coordinator().name();
            contactEmail = position.agency().coordinator().email();
        }
        return base(type, hire.personId, position, startDate)
                .names(hire.name.given(), hire.name.family(), hire.name.preferred())
                .department(position.department().name())
                .job(position.job().code(), position.job().title())
                .location(position.location().name())
                .managerPersonId(position.managerPersonId())
                .employmentType(position.employmentType())
                .contact(contactName, contactEmail)
                .build();
    }

    private FeedEvent.Builder base(EventType type, String personId, Position position, LocalDate effectiveDate) {
        return FeedEvent.builder(uuid(), type, personId)
                .agency(position.agency().code())
                .effectiveDate(effectiveDate)
                .timeZone(position.timeZone());
    }

    private String emit(Instant submitAt, FeedEvent event, Agency agency) {
        Submitter submitter = random.nextDouble() < config.coordinatorShare()
                ? Submitter.coordinator(agency.coordinator().principal(), agency.code())
                : Submitter.hris(config.hrisPrincipal());
        events.add(new ScheduledEvent(submitAt, submitter, event));
        return event.eventId();
    }

    /** A version-4 UUID from the seeded random, so ids are reproducible too. */
    private String uuid() {
        long most = (random.nextLong() & 0xFFFFFFFFFFFF0FFFL) | 0x0000000000004000L;
        long least = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(most, least).toString();
    }

    // ---- the organisation --------------------------------------------------------------------------

    private Agency pickAgency(Agency except) {
        int total = 0;
        for (Agency agency : Organisation.AGENCIES) {
            if (agency != except) {
                total += agency.weight();
            }
        }
        int pick = random.nextInt(total);
        for (Agency agency : Organisation.AGENCIES) {
            if (agency == except) {
                continue;
            }
            pick -= agency.weight();
            if (pick < 0) {
                return agency;
            }
        }
        throw new IllegalStateException("unreachable");
    }

    private EmploymentType drawEmploymentType() {
        double r = random.nextDouble();
        if (r < 0.80) {
            return EmploymentType.EMPLOYEE;
        } else if (r < 0.89) {
            return EmploymentType.CONTRACTOR;
        } else if (r < 0.94) {
            return EmploymentType.TEMPORARY;
        } else if (r < 0.985) {
            return EmploymentType.INTERN;
        }
        return EmploymentType.VOLUNTEER;
    }

    private Position drawPosition(Agency agency, EmploymentType type) {
        Department department = agency.departments().get(random.nextInt(agency.departments().size()));
        return new Position(agency, department, drawJob(department, type), pickLocation(agency), null, type);
    }

    private Job drawJob(Department department, EmploymentType type) {
        if (type == EmploymentType.INTERN) {
            return Organisation.INTERN_JOB;
        } else if (type == EmploymentType.VOLUNTEER) {
            return Organisation.VOLUNTEER_JOB;
        }
        List<Job> jobs = random.nextDouble() < 0.75 ? department.jobs() : Organisation.SUPPORT_JOBS;
        return jobs.get(random.nextInt(jobs.size()));
    }

    private Location pickLocation(Agency agency) {
        int total = 0;
        for (Location location : agency.locations()) {
            total += location.weight();
        }
        int pick = random.nextInt(total);
        for (Location location : agency.locations()) {
            pick -= location.weight();
            if (pick < 0) {
                return location;
            }
        }
        throw new IllegalStateException("unreachable");
    }

    private Department otherDepartment(Agency agency, Department current) {
        List<Department> others = new ArrayList<>(agency.departments());
        others.remove(current);
        return others.isEmpty() ? current : others.get(random.nextInt(others.size()));
    }

    private Location otherLocation(Agency agency, Location current) {
        List<Location> others = new ArrayList<>(agency.locations());
        others.remove(current);
        return others.isEmpty() ? current : others.get(random.nextInt(others.size()));
    }

    /** A lead of {@code agency} who started before {@code date} and was submitted before {@code submitAt}. */
    private String pickManager(Agency agency, LocalDate date, Instant submitAt, String notThisOne) {
        List<Hire> eligible = new ArrayList<>();
        for (Hire lead : leadsByAgency.getOrDefault(agency.code(), List.of())) {
            if (lead.startDate.isBefore(date) && lead.submitAt.isBefore(submitAt) && !lead.personId.equals(notThisOne)) {
                eligible.add(lead);
            }
        }
        return eligible.isEmpty() ? null : eligible.get(random.nextInt(eligible.size())).personId;
    }

    private LeaveReason ordinaryReason(EmploymentType type) {
        double r = random.nextDouble();
        if (type != EmploymentType.EMPLOYEE) {
            return r < 0.8 ? LeaveReason.END_OF_CONTRACT : r < 0.95 ? LeaveReason.RESIGNATION : LeaveReason.OTHER;
        }
        return r < 0.70 ? LeaveReason.RESIGNATION : r < 0.90 ? LeaveReason.RETIREMENT : LeaveReason.OTHER;
    }

    // ---- the calendar ------------------------------------------------------------------------------

    /** On time: 15–60 days' notice, starting on a Monday; late: 1–10 days (at most 12 after a weekend). */
    private LocalDate startDateFor(LocalDate submitDate, boolean late) {
        if (late) {
            return weekdayOnOrAfter(submitDate.plusDays(1 + random.nextInt(10)));
        }
        int notice = 15 + (int) (Math.pow(random.nextDouble(), 2) * 46);
        return submitDate.plusDays(notice).with(TemporalAdjusters.nextOrSame(DayOfWeek.MONDAY));
    }

    private Instant officeInstant(LocalDate date) {
        int minute = random.nextInt(OFFICE_MINUTES);
        int second = random.nextInt(60);
        LocalTime time = LocalTime.of(FIRST_OFFICE_HOUR + minute / 60, minute % 60, second);
        return date.atTime(time).atZone(OFFICE_ZONE).toInstant();
    }

    /** A random weekday in {@code [from, to]}, or null when there is none. */
    private LocalDate weekdayBetween(LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            return null;
        }
        long span = ChronoUnit.DAYS.between(from, to) + 1;
        LocalDate day = from.plusDays(random.nextInt((int) Math.min(span, Integer.MAX_VALUE)));
        LocalDate weekday = weekdayOnOrAfter(day);
        if (weekday.isAfter(to)) {
            weekday = weekdayOnOrBefore(day);
        }
        return weekday.isBefore(from) || weekday.isAfter(to) ? null : weekday;
    }

    static LocalDate weekdayOnOrAfter(LocalDate date) {
        LocalDate day = date;
        while (isWeekend(day)) {
            day = day.plusDays(1);
        }
        return day;
    }

    static LocalDate weekdayOnOrBefore(LocalDate date) {
        LocalDate day = date;
        while (isWeekend(day)) {
            day = day.minusDays(1);
        }
        return day;
    }

    private static boolean isWeekend(LocalDate day) {
        return day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
    }

    private static LocalDate max(LocalDate first, LocalDate... more) {
        LocalDate result = first;
        for (LocalDate date : more) {
            if (date.isAfter(result)) {
                result = date;
            }
        }
        return result;
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }

    // ---- working state -----------------------------------------------------------------------------

    /** A person's joiner as first drawn. */
    private static final class Hire {
        String personId;
        PersonName name;
        Position position;
        LocalDate submitDate;
        Instant submitAt;
        LocalDate startDate;
        boolean lead;
    }

    /** Where a person's life stands while their events are generated. */
    private static final class Life {
        final Hire hire;
        String joinerId;
        Position position;
        LocalDate startDate;
        LocalDate lastSubmitDate;
        LocalDate lastEffective;

        Life(Hire hire) {
            this.hire = hire;
            this.position = hire.position;
            this.startDate = hire.startDate;
        }
    }

    private static final class IndexedEvent {
        final int index;
        final ScheduledEvent event;

        IndexedEvent(int index, ScheduledEvent event) {
            this.index = index;
            this.event = event;
        }
    }
}
