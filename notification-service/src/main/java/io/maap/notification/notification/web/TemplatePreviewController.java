package io.maap.notification.notification.web;

import io.maap.notification.rules.command.Kind;
import io.maap.notification.rules.command.Message;
import io.maap.notification.rules.command.Templates;
import io.maap.support.web.NotFoundException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import java.util.Arrays;
import java.util.List;

/** Every message's template, previewed with example facts. */
@RestController
public class TemplatePreviewController {

    private final Templates templates;

    public TemplatePreviewController(Templates templates) {
        this.templates = templates;
    }

    @GetMapping("/api/notification-templates")
    public List<String> kinds() {
        return Templates.kinds().stream().map(Kind::name).toList();
    }

    @GetMapping("/api/notification-templates/{kind}/preview")
    public Message preview(@PathVariable String kind) {
        Kind known = Arrays.stream(Kind.values()).filter(k -> k.name().equals(kind)).findFirst()
                .orElseThrow(() -> new NotFoundException("No template " + kind));
        boolean urgent = known == Kind.SAFEGUARDING_CONCERN || known == Kind.SAFEGUARDING_ESCALATION;
        return templates.render(known, Templates.example(known), urgent);
    }
}
