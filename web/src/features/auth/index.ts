// The auth feature's public entry: what other features and the app may use. The rest of features/auth/ is internal.
export { Account } from './Account';
export { Login } from './Login';
export { ForgotPassword, ResetPassword } from './PasswordReset';
export { authApi } from './api';
