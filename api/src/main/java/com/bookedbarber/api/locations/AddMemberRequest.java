package com.bookedbarber.api.locations;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;

public record AddMemberRequest(
        @JsonProperty("email") @NotBlank @Size(max = 200) String email,
        @JsonProperty("role") @NotBlank @Pattern(regexp = "^(owner|manager|barber|receptionist)$",
                message = "must be owner, manager, barber or receptionist") String role,
        @JsonProperty("commission_rate") @DecimalMin("0") @DecimalMax("1") BigDecimal commissionRate) {
}
