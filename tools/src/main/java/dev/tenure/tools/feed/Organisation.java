package dev.tenure.tools.feed;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * The sample organisation: executive agencies of a Commonwealth-style state government (the codes
 * the intake knows by default), their departments, jobs and work locations, and each agency's
 * Designated Provisioning Coordinator. Most locations are in Massachusetts (America/New_York); a few
 * out-of-state audit offices and remote posts are in other zones, so cut-offs in the person's own
 * time zone are exercised.
 */
public final class Organisation {

    /** Email addresses end in a reserved top-level domain: nothing generated can reach a real mailbox. */
    public static final String EMAIL_DOMAIN = "mass.example";

    public static final String NEW_YORK = "America/New_York";
    public static final String CHICAGO = "America/Chicago";
    public static final String DENVER = "America/Denver";
    public static final String PHOENIX = "America/Phoenix";
    public static final String LOS_ANGELES = "America/Los_Angeles";

    /** A job: a classification code and its title. */
    public record Job(String code, String title) {
    }

    /** A department and the jobs specific to its work. */
    public record Department(String name, List<Job> jobs) {
        public Department {
            jobs = List.copyOf(jobs);
        }
    }

    /** A work location; {@code weight} is its share of the agency's people. */
    public record Location(String name, String timeZone, int weight) {
    }

    /** An agency's Designated Provisioning Coordinator: the named submitter for the agency. */
    public record Coordinator(String name, String principal, String email) {
    }

    /** An agency; {@code weight} is its share of the organisation's people. */
    public record Agency(String code, String name, int weight, List<Department> departments, List<Location> locations,
                         Coordinator coordinator) {
        public Agency {
            departments = List.copyOf(departments);
            locations = List.copyOf(locations);
        }

        public String emailDomain() {
            return code.toLowerCase(Locale.ROOT) + "." + EMAIL_DOMAIN;
        }
    }

    // Jobs every department has besides its own: administration, finance, HR, IT, legal.
    static final List<Job> SUPPORT_JOBS = List.of(
            new Job("AA-1", "Administrative Assistant I"),
            new Job("AA-2", "Administrative Assistant II"),
            new Job("OSS-3", "Office Support Specialist III"),
            new Job("ACCT-2", "Accountant II"),
            new Job("ACCT-4", "Accountant IV"),
            new Job("BUDG-3", "Budget Analyst III"),
            new Job("HRS-2", "Human Resources Specialist II"),
            new Job("PAY-2", "Payroll Analyst II"),
            new Job("ITSA-2", "IT Systems Analyst II"),
            new Job("ITSD-1", "Service Desk Technician I"),
            new Job("CNSL-2", "Counsel II"),
            new Job("PARA-1", "Paralegal I"),
            new Job("PM-6", "Program Manager VI"),
            new Job("POL-2", "Policy Analyst II"));

    static final Job INTERN_JOB = new Job("INT-1", "Student Intern");
    static final Job VOLUNTEER_JOB = new Job("VOL-1", "Volunteer");

    private static final List<Job> IT = List.of(
            new Job("ITSA-1", "IT Systems Analyst I"),
            new Job("ITSA-2", "IT Systems Analyst II"),
            new Job("ITSE-3", "Software Engineer III"),
            new Job("ITSE-4", "Software Engineer IV"),
            new Job("ITNE-2", "Network Engineer II"),
            new Job("ITDBA-3", "Database Administrator III"),
            new Job("ITPM-4", "IT Project Manager IV"),
            new Job("ITSD-1", "Service Desk Technician I"),
            new Job("ITSD-2", "Service Desk Technician II"));
    private static final List<Job> SECURITY = List.of(
            new Job("ISA-2", "Information Security Analyst II"),
            new Job("ISA-3", "Information Security Analyst III"),
            new Job("ISE-4", "Security Engineer IV"),
            new Job("IAM-3", "Identity and Access Management Engineer III"),
            new Job("CISO-D", "Deputy Chief Information Security Officer"));
    private static final List<Job> OFFICE_OF_THE_CIO = List.of(
            new Job("EA-4", "Enterprise Architect IV"),
            new Job("ITPM-4", "IT Project Manager IV"),
            new Job("ITPM-5", "IT Program Manager V"),
            new Job("ITSA-2", "IT Systems Analyst II"));
    private static final List<Job> TAX = List.of(
            new Job("TEX-1", "Tax Examiner I"),
            new Job("TEX-2", "Tax Examiner II"),
            new Job("TAUD-3", "Tax Auditor III"),
            new Job("TAUD-4", "Tax Auditor IV"),
            new Job("REVA-2", "Revenue Agent II"),
            new Job("CSR-2", "Customer Service Representative II"));
    private static final List<Job> CHILD_SUPPORT = List.of(
            new Job("CSE-1", "Child Support Enforcement Specialist I"),
            new Job("CSE-2", "Child Support Enforcement Specialist II"),
            new Job("CSR-2", "Customer Service Representative II"));
    private static final List<Job> LOCAL_SERVICES = List.of(
            new Job("BLA-3", "Bureau of Local Assessment Advisor III"),
            new Job("MFA-2", "Municipal Finance Analyst II"));
    private static final List<Job> HEALTH = List.of(
            new Job("EPI-2", "Epidemiologist II"),
            new Job("EPI-3", "Epidemiologist III"),
            new Job("PHN-3", "Public Health Nurse III"),
            new Job("LAB-2", "Laboratory Scientist II"),
            new Job("ENVH-2", "Environmental Health Inspector II"));
    private static final List<Job> MEDICAID = List.of(
            new Job("ELIG-1", "Eligibility Specialist I"),
            new Job("ELIG-2", "Eligibility Specialist II"),
            new Job("CLM-2", "Claims Examiner II"),
            new Job("PRV-3", "Provider Relations Specialist III"));
    private static final List<Job> SOCIAL = List.of(
            new Job("SW-2", "Social Worker II"),
            new Job("SW-3", "Social Worker III"),
            new Job("SWS-A", "Social Work Supervisor A"),
            new Job("CM-2", "Case Manager II"),
            new Job("MHW-2", "Mental Health Worker II"));
    private static final List<Job> PARKS = List.of(
            new Job("PRNG-1", "Park Ranger I"),
            new Job("PRNG-2", "Park Ranger II"),
            new Job("PSUP-3", "Park Supervisor III"),
            new Job("FOR-2", "Forester II"),
            new Job("LG-1", "Lifeguard I"),
            new Job("MNT-2", "Maintenance Equipment Operator II"));
    private static final List<Job> ENGINEERING = List.of(
            new Job("CE-2", "Civil Engineer II"),
            new Job("CE-3", "Civil Engineer III"),
            new Job("CE-5", "Civil Engineer V"),
            new Job("ENGT-2", "Engineering Technician II"),
            new Job("HMF-1", "Highway Maintenance Foreman I"),
            new Job("HMEO-2", "Highway Maintenance Equipment Operator II"));
    private static final List<Job> MOTOR_VEHICLES = List.of(
            new Job("CSR-1", "Customer Service Representative I"),
            new Job("CSR-2", "Customer Service Representative II"),
            new Job("LEX-1", "License Examiner I"),
            new Job("BRM-2", "Branch Manager II"));
    private static final List<Job> PLANNING = List.of(
            new Job("TPL-2", "Transportation Planner II"),
            new Job("TPL-3", "Transportation Planner III"),
            new Job("GIS-2", "GIS Analyst II"));
    private static final List<Job> AVIATION = List.of(
            new Job("AVI-2", "Aviation Inspector II"),
            new Job("AVP-3", "Airport Planner III"));
    private static final List<Job> POLICE = List.of(
            new Job("TRP", "State Police Trooper"),
            new Job("TRP-S", "State Police Sergeant"),
            new Job("DISP-2", "Communications Dispatcher II"),
            new Job("CRA-2", "Crime Analyst II"));
    private static final List<Job> CORRECTIONS = List.of(
            new Job("CO-1", "Correction Officer I"),
            new Job("CO-2", "Correction Officer II"),
            new Job("CPO-3", "Correction Program Officer III"));
    private static final List<Job> FIRE = List.of(
            new Job("FSI-2", "Fire Service Instructor II"),
            new Job("FIN-3", "Fire Investigator III"));
    private static final List<Job> GRANTS = List.of(
            new Job("GRNT-2", "Grants Manager II"),
            new Job("GRNT-3", "Grants Manager III"));
    private static final List<Job> CJIS = List.of(
            new Job("CJIS-2", "Criminal Justice Information Analyst II"),
            new Job("ITSA-2", "IT Systems Analyst II"));
    private static final List<Job> EDUCATION = List.of(
            new Job("EDS-2", "Education Specialist II"),
            new Job("EDS-3", "Education Specialist III"),
            new Job("LIC-2", "Educator Licensure Specialist II"),
            new Job("DATA-3", "Education Data Analyst III"));
    private static final List<Job> EARLY_EDUCATION = List.of(
            new Job("EEL-2", "Early Education Licensor II"),
            new Job("EEL-3", "Early Education Licensor III"));
    private static final List<Job> PEOPLE = List.of(
            new Job("HRS-2", "Human Resources Specialist II"),
            new Job("HRS-4", "Human Resources Specialist IV"),
            new Job("CLS-3", "Classification Analyst III"),
            new Job("PAY-2", "Payroll Analyst II"));
    private static final List<Job> FINANCE = List.of(
            new Job("BUDG-3", "Budget Analyst III"),
            new Job("BUDG-5", "Senior Budget Analyst V"),
            new Job("ACCT-4", "Accountant IV"),
            new Job("ECON-3", "Economist III"));
    private static final List<Job> PROCUREMENT = List.of(
            new Job("PROC-2", "Procurement Specialist II"),
            new Job("PROC-4", "Procurement Manager IV"));
    private static final List<Job> CAPITAL = List.of(
            new Job("PMC-4", "Capital Project Manager IV"),
            new Job("FAC-3", "Facilities Manager III"),
            new Job("ARCH-3", "Architect III"));
    private static final List<Job> BENEFITS = List.of(
            new Job("BEN-2", "Benefits Specialist II"),
            new Job("BEN-3", "Benefits Specialist III"));

    public static final List<Agency> AGENCIES = List.of(
            new Agency("EOTSS", "Executive Office of Technology Services and Security", 10,
                    List.of(new Department("Enterprise Security Office", SECURITY),
                            new Department("Infrastructure Services", IT),
                            new Department("Digital Services", IT),
                            new Department("End User Services", IT),
                            new Department("Office of the Chief Information Officer", OFFICE_OF_THE_CIO)),
                    List.of(new Location("1 Ashburton Place, Boston", NEW_YORK, 6),
                            new Location("200 Arlington Street, Chelsea", NEW_YORK, 4),
                            new Location("Springfield State Office Building", NEW_YORK, 2),
                            new Location("Remote, Denver", DENVER, 1)),
                    new Coordinator("Maureen Sullivan", "dpc-eotss", "maureen.sullivan@eotss." + EMAIL_DOMAIN)),
            new Agency("DOR", "Department of Revenue", 14,
                    List.of(new Department("Taxpayer Services Division", TAX),
                            new Department("Audit Division", TAX),
                            new Department("Child Support Enforcement", CHILD_SUPPORT),
                            new Department("Division of Local Services", LOCAL_SERVICES),
                            new Department("Collections Bureau", TAX)),
                    List.of(new Location("100 Cambridge Street, Boston", NEW_YORK, 5),
                            new Location("200 Arlington Street, Chelsea", NEW_YORK, 4),
                            new Location("436 Dwight Street, Springfield", NEW_YORK, 2),
                            new Location("Worcester Regional Office", NEW_YORK, 1),
                            new Location("Out-of-State Audit Bureau, Chicago", CHICAGO, 1),
                            new Location("Out-of-State Audit Bureau, Los Angeles", LOS_ANGELES, 1)),
                    new Coordinator("Kevin Tran", "dpc-dor", "kevin.tran@dor." + EMAIL_DOMAIN)),
            new Agency("EOHHS", "Executive Office of Health and Human Services", 22,
                    List.of(new Department("MassHealth Operations", MEDICAID),
                            new Department("Department of Public Health", HEALTH),
                            new Department("Department of Children and Families", SOCIAL),
                            new Department("Department of Mental Health", SOCIAL),
                            new Department("Office for Refugees and Immigrants", SOCIAL)),
                    List.of(new Location("One Ashburton Place, Boston", NEW_YORK, 4),
                            new Location("250 Washington Street, Boston", NEW_YORK, 3),
                            new Location("100 Hancock Street, Quincy", NEW_YORK, 3),
                            new Location("Hinton State Laboratory, Jamaica Plain", NEW_YORK, 1),
                            new Location("Worcester Area Office", NEW_YORK, 2),
                            new Location("Lawrence Area Office", NEW_YORK, 1),
                            new Location("New Bedford Area Office", NEW_YORK, 1)),
                    new Coordinator("Ana Lúcia Gonçalves", "dpc-eohhs", "ana.goncalves@eohhs." + EMAIL_DOMAIN)),
            new Agency("DCR", "Department of Conservation and Recreation", 10,
                    List.of(new Department("Parks Operations", PARKS),
                            new Department("Bureau of Forest Fire Control", PARKS),
                            new Department("Division of Water Supply Protection", ENGINEERING),
                            new Department("Engineering and Construction", ENGINEERING),
                            new Department("Recreation and Pools", PARKS)),
                    List.of(new Location("251 Causeway Street, Boston", NEW_YORK, 4),
                            new Location("Walden Pond State Reservation, Concord", NEW_YORK, 1),
                            new Location("Quabbin Reservoir, Belchertown", NEW_YORK, 2),
                            new Location("Mount Greylock State Reservation, Lanesborough", NEW_YORK, 1),
                            new Location("Nickerson State Park, Brewster", NEW_YORK, 1)),
                    new Coordinator("Patrick O'Donnell", "dpc-dcr", "patrick.odonnell@dcr." + EMAIL_DOMAIN)),
            new Agency("MASSDOT", "Massachusetts Department of Transportation", 16,
                    List.of(new Department("Highway Division", ENGINEERING),
                            new Department("Registry of Motor Vehicles", MOTOR_VEHICLES),
                            new Department("Aeronautics Division", AVIATION),
                            new Department("Rail and Transit Division", PLANNING),
                            new Department("Office of Transportation Planning", PLANNING)),
                    List.of(new Location("10 Park Plaza, Boston", NEW_YORK, 5),
                            new Location("RMV Service Center, Quincy", NEW_YORK, 2),
                            new Location("Highway District 1, Lenox", NEW_YORK, 1),
                            new Location("Highway District 3, Worcester", NEW_YORK, 2),
                            new Location("Highway District 5, Taunton", NEW_YORK, 1),
                            new Location("RMV Service Center, Springfield", NEW_YORK, 1)),
                    new Coordinator("Denise Ferreira", "dpc-massdot", "denise.ferreira@massdot." + EMAIL_DOMAIN)),
            new Agency("EOPSS", "Executive Office of Public Safety and Security", 12,
                    List.of(new Department("Massachusetts State Police", POLICE),
                            new Department("Department of Correction", CORRECTIONS),
                            new Department("Department of Fire Services", FIRE),
                            new Department("Office of Grants and Research", GRANTS),
                            new Department("Department of Criminal Justice Information Services", CJIS)),
                    List.of(new Location("One Ashburton Place, Boston", NEW_YORK, 2),
                            new Location("470 Worcester Road, Framingham", NEW_YORK, 4),
                            new Location("50 Maple Street, Milford", NEW_YORK, 3),
                            new Location("1 State Road, Stow", NEW_YORK, 1),
                            new Location("Washington Liaison Office, Washington", NEW_YORK, 1)),
                    new Coordinator("Michael D'Angelo", "dpc-eopss", "michael.dangelo@eopss." + EMAIL_DOMAIN)),
            new Agency("EOE", "Executive Office of Education", 8,
                    List.of(new Department("Department of Elementary and Secondary Education", EDUCATION),
                            new Department("Department of Early Education and Care", EARLY_EDUCATION),
                            new Department("Department of Higher Education", EDUCATION)),
                    List.of(new Location("135 Santilli Highway, Everett", NEW_YORK, 4),
                            new Location("50 Milk Street, Boston", NEW_YORK, 2),
                            new Location("One Ashburton Place, Boston", NEW_YORK, 2),
                            new Location("Remote, Phoenix", PHOENIX, 1)),
                    new Coordinator("Thảo Nguyễn", "dpc-eoe", "thao.nguyen@eoe." + EMAIL_DOMAIN)),
            new Agency("ANF", "Executive Office for Administration and Finance", 8,
                    List.of(new Department("Human Resources Division", PEOPLE),
                            new Department("Budget Office", FINANCE),
                            new Department("Operational Services Division", PROCUREMENT),
                            new Department("Division of Capital Asset Management and Maintenance", CAPITAL),
                            new Department("Group Insurance Commission", BENEFITS)),
                    List.of(new Location("24 Beacon Street, Boston", NEW_YORK, 3),
                            new Location("One Ashburton Place, Boston", NEW_YORK, 4),
                            new Location("Remote, Chicago", CHICAGO, 1)),
                    new Coordinator("Siobhán Walsh", "dpc-anf", "siobhan.walsh@anf." + EMAIL_DOMAIN)));

    private Organisation() {
    }

    public static Agency agency(String code) {
        for (Agency agency : AGENCIES) {
            if (agency.code().equals(code)) {
                return agency;
            }
        }
        throw new IllegalArgumentException("unknown agency " + code);
    }

    public static List<String> agencyCodes() {
        List<String> codes = new ArrayList<>();
        for (Agency agency : AGENCIES) {
            codes.add(agency.code());
        }
        return Collections.unmodifiableList(codes);
    }

    public static String timeZoneOf(String agencyCode, String locationName) {
        for (Location location : agency(agencyCode).locations()) {
            if (location.name().equals(locationName)) {
                return location.timeZone();
            }
        }
        throw new IllegalArgumentException("unknown location " + locationName + " of " + agencyCode);
    }
}
