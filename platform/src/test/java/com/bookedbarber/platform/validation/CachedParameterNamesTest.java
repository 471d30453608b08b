package com.bookedbarber.platform.validation;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.jersey.validation.JerseyParameterNameProvider;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ParameterNameProvider;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.QueryParam;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class CachedParameterNamesTest {
    public static final class Resource {
        public String find(@QueryParam("name") @NotNull @Size(max = 3) String name, @NotNull String body) {
            return name + body;
        }
    }

    private static Method find() throws NoSuchMethodException {
        return Resource.class.getMethod("find", String.class, String.class);
    }

    @Test
    void answersWhatDropwizardAnswers() throws Exception {
        List<String> expected = new JerseyParameterNameProvider().getParameterNames(find());
        assertThat(expected).containsExactly("query param name", "body");

        assertThat(new CachedParameterNames(new JerseyParameterNameProvider()).getParameterNames(find()))
                .isEqualTo(expected);
    }

    @Test
    void readsEachMethodOnce() throws Exception {
        AtomicInteger reads = new AtomicInteger();
        ParameterNameProvider counting = new ParameterNameProvider() {
            @Override
            public List<String> getParameterNames(Constructor<?> constructor) {
                reads.incrementAndGet();
                return List.of();
            }

            @Override
            public List<String> getParameterNames(Method method) {
                reads.incrementAndGet();
                return List.of("a", "b");
            }
        };
        CachedParameterNames names = new CachedParameterNames(counting);

        for (int i = 0; i < 5; i++) {
            assertThat(names.getParameterNames(find())).containsExactly("a", "b");
        }
        names.getParameterNames(Resource.class.getConstructor());
        names.getParameterNames(Resource.class.getConstructor());

        assertThat(reads).hasValue(2);
    }

    @Test
    void violationsStillNameTheParameter() throws Exception {
        Validator validator = CachedParameterNames.validatorFactory().getValidator();

        for (int i = 0; i < 2; i++) {
            Set<ConstraintViolation<Resource>> violations = validator.forExecutables()
                    .validateParameters(new Resource(), find(), new Object[] {"toolong", null});

            assertThat(violations).extracting(v -> v.getPropertyPath().toString())
                    .containsExactlyInAnyOrder("find.query param name", "find.body");
            assertThat(violations).extracting(ConstraintViolation::getMessage)
                    .containsExactlyInAnyOrder("size must be between 0 and 3", "must not be null");
        }
    }
}
