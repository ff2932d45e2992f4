package io.maap.notification.rules.command;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class TemplatesTest {

    final Templates templates = new Templates("https://maap.example/");

    @ParameterizedTest
    @EnumSource(Kind.class)
    void everyKindHasATemplateThatFillsEveryPlaceholderAndLinksToTheDashboard(Kind kind) {
        Message message = templates.render(kind, Templates.example(kind), false);

        assertThat(message.subject()).isNotBlank().doesNotContain("{", "}");
        assertThat(message.body()).doesNotContain("{", "}").contains("https://maap.example/");
    }

    @Test
    void datesReadAsPeopleWriteThemAndCaseReferencesAreAList() {
        Message message = templates.render(Kind.TOOL_SENT, Map.of("audit", "Neglect", "auditId", "neglect",
                "caseReferences", "RB-0001, RB-0002", "caseCount", "2", "deadline", "2017-10-20",
                "reminderDate", "2017-10-06"), false);

        assertThat(message.subject()).isEqualTo("Audit tool: returns due by 20 October 2017");
        assertThat(message.body()).contains("* RB-0001\n* RB-0002").contains("remind you on 6 October 2017")
                .contains("https://maap.example/audits/neglect");
    }
}
