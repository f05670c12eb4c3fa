import { twin } from "../twin.js";

const en = {
  description: "diagnose a refused connection, EADDRINUSE or a localhost-only bind, and print the fix",
  arguments: { target: "a service (fastapi, fastapi.test), a port, host:port, node:port or a URL" },
  options: {
    from: "the node doctor runs from (default: this machine, matched by address)",
    error: "the error message, pasted as is (EADDRINUSE, Errno 98/48, WinError 10048, connection refused...)",
  },
};

export const doctorHelp = twin<typeof en>({
  en,
  ko: {
    description: "거부된 연결, EADDRINUSE, localhost에만 바인딩된 서버를 진단하고 해결 방법을 출력합니다",
    arguments: { target: "서비스 (fastapi, fastapi.test), 포트, host:port, node:port 또는 URL" },
    options: {
      from: "doctor를 실행하는 노드 (기본값: 주소로 찾은 이 머신)",
      error: "받은 오류 메시지를 그대로 붙여 넣기 (EADDRINUSE, Errno 98/48, WinError 10048, connection refused...)",
    },
  },
});
