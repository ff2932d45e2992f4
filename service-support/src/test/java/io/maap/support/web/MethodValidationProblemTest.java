package io.maap.support.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.validation.beanvalidation.LocalValidatorFactoryBean;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class MethodValidationProblemTest {

    record Body(@NotBlank String summary, @NotBlank String recordedBy) {
    }

    @RestController
    static class Constrained {
        @PostMapping("/things/{id}")
        String create(@PathVariable @Pattern(regexp = "^[a-z]+$") String id, @Valid @RequestBody Body body) {
            return id;
        }
    }

    @Test
    void methodValidationListsTheInvalidFieldsLikeBodyValidation() throws Exception {
        LocalValidatorFactoryBean validator = new LocalValidatorFactoryBean();
        validator.afterPropertiesSet();
        MockMvc mvc = MockMvcBuilders.standaloneSetup(new Constrained())
                .setControllerAdvice(new ProblemDetailsAdvice()).setValidator(validator).build();

        mvc.perform(post("/things/abc").contentType(MediaType.APPLICATION_JSON).content("{\"summary\": \" \", \"recordedBy\": \"QA\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("urn:maap:problem:validation"))
                .andExpect(jsonPath("$.errors[0].field").value("summary"));
        mvc.perform(post("/things/ABC").contentType(MediaType.APPLICATION_JSON).content("{\"summary\": \"s\", \"recordedBy\": \"QA\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("id"));
    }
}
