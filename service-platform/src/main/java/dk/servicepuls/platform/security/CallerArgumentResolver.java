package dk.servicepuls.platform.security;

import org.springframework.core.MethodParameter;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/**
 * Gives a controller method its {@link Caller}: from the request's bearer token (the APIs), or from the signed-in
 * user's ID token (the web inbox's session).
 */
final class CallerArgumentResolver implements HandlerMethodArgumentResolver {

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return Caller.class.equals(parameter.getParameterType());
    }

    @Override
    public Caller resolveArgument(MethodParameter parameter, ModelAndViewContainer mavContainer,
            NativeWebRequest webRequest, WebDataBinderFactory binderFactory) {
        // none: an endpoint that asks for a Caller but is not behind the token check, a mistake in the security chains
        return Caller.current().orElseThrow(() -> new AuthenticationCredentialsNotFoundException(
                "No bearer token on a request whose handler needs a caller"));
    }
}
