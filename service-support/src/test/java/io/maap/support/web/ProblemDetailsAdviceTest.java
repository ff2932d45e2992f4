package io.maap.support.web;

import jakarta.validation.constraints.Min;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.validation.beanvalidation.MethodValidationPostProcessor;

import java.util.Map;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class ProblemDetailsAdviceTest {

    @RestController
    @Validated
    static class Things {

        @PostMapping("/things")
        Map<String, Object> create(@RequestBody Map<String, Object> body) {
            return body;
        }

        @GetMapping("/things")
        String list(@RequestParam(defaultValue = "0") @Min(0) int page) {
            return "page " + page;
        }
    }

    private final MockMvc mvc = MockMvcBuilders.standaloneSetup(validated(new Things()))
            .setControllerAdvice(new ProblemDetailsAdvice()).build();

    private static Object validated(Object controller) {
        var processor = new MethodValidationPostProcessor();
        processor.afterPropertiesSet();
        return processor.postProcessAfterInitialization(controller, "things");
    }

    @Test
    void springsOwnRefusalsGetAMaapTypeAndTitle() throws Exception {
        mvc.perform(post("/things").contentType(MediaType.APPLICATION_JSON).content("{\"a\":"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("urn:maap:problem:invalid-request"))
                .andExpect(jsonPath("$.title").value("Bad Request"))
                .andExpect(jsonPath("$.status").value(400));
        mvc.perform(post("/things").contentType(MediaType.TEXT_PLAIN).content("x"))
                .andExpect(status().isUnsupportedMediaType())
                .andExpect(jsonPath("$.type").value("urn:maap:problem:unsupported-media-type"));
        mvc.perform(get("/things").param("page", "x"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("urn:maap:problem:invalid-request"));
    }

    @Test
    void aParameterFailingMethodValidationIs400NotAnInternalError() throws Exception {
        mvc.perform(get("/things").param("page", "-1"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("urn:maap:problem:validation"))
                .andExpect(jsonPath("$.errors[0].field").value("page"));
    }

    @Test
    void aMultipartContentTypeWithoutABoundaryIs400() throws Exception {
        mvc.perform(post("/things").contentType("multipart/form-data").content("x"))
                .andExpect(status().is4xxClientError())
                .andExpect(jsonPath("$.type").exists());
    }
}
