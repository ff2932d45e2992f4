package io.maap.local.identity;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The people of the local run, one or more per role; every password is {@value #PASSWORD}.
 * A real deployment takes its people from the partnership's identity provider instead.
 */
public final class DemoUsers {

    public static final String PASSWORD = "demo";
    public static final List<String> AGENCIES = List.of("met-police", "nelft", "bhrut", "lbr-childrens-social-care");

    /**
     * One person: user name (the token's subject), display name, role, for agency roles the agency
     * and for an audit lead the audit.
     */
    public record DemoUser(String username, String name, String role, String agency, String audit) {

        public DemoUser(String username, String name, String role, String agency) {
            this(username, name, role, agency, null);
        }
    }

    private static final Map<String, DemoUser> USERS = new LinkedHashMap<>();

    static {
        add(new DemoUser("board.member", "Board member", "BOARD_MEMBER", null));
        add(new DemoUser("qa.coordinator", "QA coordinator", "QA_COORDINATOR", null));
        // Seed 000: the neglect audit is led by the Chair of the Learning and Improvement Sub-Group.
        add(new DemoUser("lead.rbr-2017-neglect", "Chair, Learning and Improvement Sub-Group", "AUDIT_LEAD", null,
                "rbr-2017-neglect"));
        for (String agency : AGENCIES) {
            add(new DemoUser("spoc." + agency, "SPOC, " + agency, "AGENCY_SPOC", agency));
            add(new DemoUser("auditor." + agency, "Auditor, " + agency, "AGENCY_AUDITOR", agency));
            add(new DemoUser("lead." + agency, "Lead officer, " + agency, "LEAD_OFFICER", agency));
        }
    }

    private DemoUsers() {
    }

    private static void add(DemoUser user) {
        USERS.put(user.username(), user);
    }

    public static List<DemoUser> all() {
        return new ArrayList<>(USERS.values());
    }

    public static Optional<DemoUser> find(String username) {
        return Optional.ofNullable(USERS.get(username));
    }
}
